-- Opens one spec in headless Neovim, starts `specgate lsp` with Neovim's built-in LSP client,
-- waits for the diagnostics the server publishes for it and writes them, as received, to a JSON
-- file; then stops the server politely (shutdown, exit) and quits. Run by LspEditorIT:
--   nvim --headless -u NONE -i NONE -n -c 'luafile nvim-diagnostics.lua'
-- with SPECGATE_JAVA, SPECGATE_JAR, SPECGATE_SPEC, SPECGATE_TODAY and SPECGATE_OUT set.
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start_client and buf_attach_client.
local java = os.getenv('SPECGATE_JAVA')
local jar = os.getenv('SPECGATE_JAR')
local spec = os.getenv('SPECGATE_SPEC')
local today = os.getenv('SPECGATE_TODAY')
local out = os.getenv('SPECGATE_OUT')

local function finish(text, code)
  local f = assert(io.open(out, 'w'))
  f:write(text)
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local received = nil

local client_id = vim.lsp.start_client({
  name = 'specgate',
  cmd = { java, '-jar', jar, 'lsp', '--today', today },
  root_dir = vim.fn.fnamemodify(spec, ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result ~= nil and result.uri == uri then
        received = result
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if client_id == nil then
  finish('{"error": "the LSP client did not start"}', 3)
  return
end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(90000, function() return received ~= nil end, 50) then
  finish('{"error": "no diagnostics within 90 s"}', 4)
  return
end

-- what the editor itself made of them: 0-based line and byte column in the buffer
local shown = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(shown, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity })
end

vim.lsp.stop_client(client_id)
vim.wait(20000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish(vim.fn.json_encode({ published = received, shown = shown }), 0)
