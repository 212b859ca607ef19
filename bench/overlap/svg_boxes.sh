#!/bin/sh
# Loads SVGs in headless Chromium (one page, one launch) and prints a JSON array with, per SVG,
# its width and height and the rendered box of every part with an id and of every text:
#   [{"width": W, "height": H, "parts": {"title": [x, y, w, h], …}, "texts": [[x, y, w, h, "text"], …]}, …]
# Boxes are relative to the SVG's top-left corner.
# Usage: bench/overlap/svg_boxes.sh IN.svg...
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  printf '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">\n'
  for f in "$@"; do printf '<div style="margin:0;line-height:0">\n'; cat "$f"; printf '</div>\n'; done
  cat <<'JS'
<script>
const all = [];
for (const svg of document.querySelectorAll('body > div > svg')) {
  const o = svg.getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect(); return [r.x - o.x, r.y - o.y, r.width, r.height]; };
  const out = {width: +svg.getAttribute('width'), height: +svg.getAttribute('height'), parts: {}, texts: []};
  for (const e of svg.querySelectorAll('[id]')) out.parts[e.id] = box(e);
  for (const t of svg.querySelectorAll('text')) {
    const own = Array.from(t.childNodes).filter(n => n.nodeType === 3).map(n => n.data).join('');
    out.texts.push(box(t).concat([own]));
  }
  all.push(out);
}
const pre = document.createElement('pre');
const mark = 'BOX' + 'ES';   // split so this source line does not match
pre.textContent = mark + JSON.stringify(all) + mark;
document.body.appendChild(pre);
</script></body></html>
JS
} > "$dir/page.html"
# --no-sandbox: Chromium refuses to run as root otherwise (CI containers run as root).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$dir/profile" \
  --window-size=4000,4000 --dump-dom "file://$dir/page.html" 2>/dev/null > "$dir/dom.html" || true
sed -n 's/.*BOXES\(.*\)BOXES.*/\1/p' "$dir/dom.html" | head -n1 | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g'
