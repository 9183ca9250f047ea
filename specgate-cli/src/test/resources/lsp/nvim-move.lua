-- Asks Specgate's language server, from headless Neovim, to move specs' status as a writer would:
-- for each spec, waits for its diagnostics, takes the "Move the status to TARGET" code action
-- offered on its Document Status line (source.specgate) and runs its command through the client
-- (workspace/executeCommand), then records the command's result, the messages the server showed
-- (window/showMessage), whether the buffer changed, and writes every buffer. Run by LspEditorIT
-- with SPECGATE_JAVA, SPECGATE_JAR, SPECGATE_ROOT, SPECGATE_TODAY, SPECGATE_OUT and
-- SPECGATE_MOVES ("FILE=TARGET;FILE=TARGET"). Written for Neovim 0.7 (Debian 12) and later.
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local root = os.getenv('SPECGATE_ROOT')
local moves = os.getenv('SPECGATE_MOVES')

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

local result = { moves = {} }
for file, target in string.gmatch(moves, '([^=;]+)=([^;]+)') do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.buf_attach_client(buf, client_id)
  if not vim.wait(90000, function() return received[uri] ~= nil end, 50) then
    specgate.finish({ error = 'no diagnostics for ' .. file .. ' within 90 s' }, 4)
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local status_line = 0
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find('**Document Status:**', 1, true) == 1 then
      status_line = i - 1
    end
  end
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = status_line, character = 0 },
              ['end'] = { line = status_line, character = 0 } },
    context = { diagnostics = {}, only = { 'source.specgate' } },
  }, 30000)
  local command = nil
  local title = nil
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if command == nil and a.title:find('Move the status to ' .. target, 1, true) == 1 then
        title = a.title
        command = a.command
      end
    end
  end
  local move = { file = file, action = title, shown = {} }
  local shown_before = #shown
  if command ~= nil then
    local answer = client.request_sync('workspace/executeCommand',
      { command = command.command, arguments = command.arguments }, 60000, buf)
    move.result = answer and answer.result
  else
    -- no action offered (a spec the configuration leaves out has no diagnostics and no
    -- status actions): run the command as a code lens or a key mapping would
    local answer = client.request_sync('workspace/executeCommand',
      { command = 'specgate.moveStatus', arguments = { uri, target } }, 60000, buf)
    move.result = answer and answer.result
  end
  vim.wait(5000, function() return #shown > shown_before end, 50)
  for i = shown_before + 1, #shown do
    table.insert(move.shown, shown[i])
  end
  move.modified = vim.bo[buf].modified
  move.unchanged = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') == before
  table.insert(result.moves, move)
end

vim.cmd('silent wall')
specgate.stop(client_id)
specgate.finish(result, 0)
