-- Neovim (0.7 or later) set-up for .seg files and `segmint lsp`. Put this file on your
-- runtimepath (e.g. ~/.config/nvim/lua/segmint.lua) and call require("segmint").setup() from
-- init.lua; pass { cmd = {"/path/to/segmint", "lsp"}, catalog = "catalogs/retail.yaml" } to override.
local M = {}

function M.setup(opts)
  opts = opts or {}
  -- An autocommand rather than vim.filetype.add: it works on 0.7, where filetype.lua is off by default.
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, { pattern = "*.seg", command = "setfiletype segment" })
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "segment",
    callback = function(args)
      vim.bo[args.buf].commentstring = "# %s"
      local file = vim.api.nvim_buf_get_name(args.buf)
      -- The workspace is the folder of the nearest segmint.yaml above the file (else the cwd).
      local found = vim.fn.findfile("segmint.yaml", vim.fn.fnamemodify(file, ":p:h") .. ";")
      local root = found ~= "" and vim.fn.fnamemodify(found, ":p:h") or vim.fn.getcwd()
      local config = {
        name = "segmint",
        cmd = opts.cmd or { "segmint", "lsp" },
        root_dir = root,
        init_options = { catalog = opts.catalog, asOf = opts.as_of },
      }
      if vim.lsp.start then
        vim.lsp.start(config, { bufnr = args.buf })
      else
        -- Neovim 0.7: start one client per root and attach the buffer to it.
        M.clients = M.clients or {}
        M.clients[root] = M.clients[root] or vim.lsp.start_client(config)
        vim.lsp.buf_attach_client(args.buf, M.clients[root])
      end
    end,
  })
end

return M
