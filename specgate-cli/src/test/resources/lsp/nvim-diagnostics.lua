-- Opens one spec in headless Neovim, starts `specgate lsp` with Neovim's built-in LSP client,
-- waits for the diagnostics the server publishes for it and writes them, as received, to a JSON
-- file; then stops the server politely (shutdown, exit) and quits. Run by LspEditorIT:
--   nvim --headless -u NONE -i NONE -n -c 'luafile nvim-diagnostics.lua'
-- with SPECGATE_JAVA, SPECGATE_JAR, SPECGATE_SPEC, SPECGATE_TODAY and SPECGATE_OUT set, and
-- SPECGATE_ROOT (the workspace folder; the spec's folder when unset).
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start_client and buf_attach_client.
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local spec = os.getenv('SPECGATE_SPEC')

vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local received = nil

local root = os.getenv('SPECGATE_ROOT') or vim.fn.fnamemodify(spec, ':p:h')
local client_id = specgate.start(root, {
  ['textDocument/publishDiagnostics'] = specgate.diagnostics(function(result)
    if result.uri == uri then
      received = result
    end
  end),
})
if client_id == nil then
  return
end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(90000, function() return received ~= nil end, 50) then
  specgate.finish({ error = 'no diagnostics within 90 s' }, 4)
  return
end

-- what the editor itself made of them: 0-based line and byte column in the buffer
local shown = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(shown, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity })
end

specgate.stop(client_id)
specgate.finish({ published = received, shown = shown, uri = uri }, 0)
