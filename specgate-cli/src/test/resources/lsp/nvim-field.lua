-- Sets a metadata field from headless Neovim as a writer would: opens SPECGATE_SPEC, waits for its
-- diagnostics, asks Specgate's language server for the source.specgate code actions on the first
-- line starting with SPECGATE_LINE, takes the one titled SPECGATE_TITLE and runs its command
-- through the client (workspace/executeCommand: the server sends its edit back with
-- workspace/applyEdit), then records every "Set ..." action offered (title, disabled reason), the
-- command's result, the messages the server showed, and writes the buffer. Run by LspEditorIT with
-- SPECGATE_JAVA, SPECGATE_JAR, SPECGATE_ROOT, SPECGATE_TODAY and SPECGATE_OUT. Written for Neovim
-- 0.7 (Debian 12) and later.
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local root = os.getenv('SPECGATE_ROOT')
local file = os.getenv('SPECGATE_SPEC')
local prefix = os.getenv('SPECGATE_LINE')
local wanted = os.getenv('SPECGATE_TITLE')

local received = {}
local shown = {}
local client_id = specgate.start(root, {
  ['textDocument/publishDiagnostics'] = specgate.diagnostics(function(result)
    received[result.uri] = result
  end),
  ['window/showMessage'] = function(_, result)
    table.insert(shown, { type = result.type, message = result.message })
  end,
})
if client_id == nil then
  return
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
vim.lsp.buf_attach_client(buf, client_id)
if not vim.wait(90000, function() return received[uri] ~= nil end, 50) then
  specgate.finish({ error = 'no diagnostics for ' .. file .. ' within 90 s' }, 4)
  return
end
local client = vim.lsp.get_client_by_id(client_id)
local at = nil
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if at == nil and l:find(prefix, 1, true) == 1 then
    at = i - 1
  end
end
if at == nil then
  specgate.finish({ error = 'no line starting ' .. prefix }, 4)
  return
end
local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = at, character = 0 }, ['end'] = { line = at, character = 0 } },
  context = { diagnostics = {}, only = { 'source.specgate' } },
}, 30000)
local result = { offered = {} }
local command = nil
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.title:find('Set ', 1, true) == 1 then
      table.insert(result.offered,
        { title = a.title, disabled = a.disabled and a.disabled.reason or vim.NIL })
      if a.title == wanted then
        command = a.command
      end
    end
  end
end
if command == nil then
  specgate.finish({ error = 'no action titled ' .. wanted, offered = result.offered }, 4)
  return
end
local answer = client.request_sync('workspace/executeCommand',
  { command = command.command, arguments = command.arguments }, 60000, buf)
result.result = answer and answer.result
vim.wait(3000, function() return #shown > 0 end, 50)
result.shown = shown
result.modified = vim.bo[buf].modified
vim.cmd('silent wall')
specgate.stop(client_id)
specgate.finish(result, 0)
