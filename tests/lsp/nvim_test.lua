-- Neovim (headless) as a real editor client of `segmint lsp`: opens a .seg buffer, waits for
-- the server's diagnostics, asks for completions, and exits 0 only when both are right.
-- Run by tests/lsp/run.sh with SEGMINT_BIN (the server binary) and SEGMINT_WS (a workspace copy).
local bin, ws = os.getenv("SEGMINT_BIN"), os.getenv("SEGMINT_WS")

local function fail(msg)
  io.stderr:write("nvim client: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. ws .. "/nvim.seg")
local buf = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_lines(buf, 0, -1, false, {
  'segment from_nvim {',
  '  include {',
  '    plann = "pro"',
  '    plan >= ',
  '  }',
  '}',
})
local id = vim.lsp.start_client({ name = "segmint", cmd = { bin, "lsp", "--stdio" }, root_dir = ws })
if not id then fail("the server did not start") end
vim.lsp.buf_attach_client(buf, id)

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail("no diagnostics within 20 s")
end
local d = vim.diagnostic.get(buf)[1]
local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
if code ~= "E0201" or d.lnum ~= 2 or d.col ~= 4 then
  fail(string.format("unexpected diagnostic %s at %d:%d: %s", tostring(code), d.lnum, d.col, d.message))
end
io.stdout:write("nvim client: diagnostic " .. code .. " at 3:5: " .. d.message:gsub("\n", " | ") .. "\n")

local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 3, character = 12 } }
local responses = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 10000) or {}
local labels = {}
for _, r in pairs(responses) do
  local items = r.result and (r.result.items or r.result) or {}
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
local got = table.concat(labels, " ")
if got ~= '"free" "pro" "enterprise"' then fail("unexpected completions: " .. got) end
io.stdout:write("nvim client: completions " .. got .. "\n")

vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd("qall!")
