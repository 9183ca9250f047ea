-- Edits a spec in headless Neovim through Specgate's language server, as a writer would: waits
-- for the diagnostics, applies the quick fix that inserts a missing section, asks for the hover
-- on the Document Status line, renames a heading (the server rewrites every link to it in the
-- workspace), writes every changed buffer, and records what it saw in a JSON file. Run by
-- LspEditorIT with SPECGATE_JAVA, SPECGATE_JAR, SPECGATE_ROOT, SPECGATE_SPEC, SPECGATE_TODAY,
-- SPECGATE_HEADING (the heading to rename, as written), SPECGATE_NEW_TITLE, SPECGATE_MISSING_AT
-- (the line, as written, where the missing section is reported) and SPECGATE_OUT set.
-- Written for Neovim 0.7 (Debian 12) and later.
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local root = os.getenv('SPECGATE_ROOT')
local spec = os.getenv('SPECGATE_SPEC')
local heading = os.getenv('SPECGATE_HEADING')
local new_title = os.getenv('SPECGATE_NEW_TITLE')
local missing_at = os.getenv('SPECGATE_MISSING_AT')

local function line_of(buf, text)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l == text then
      return i - 1
    end
  end
  return nil
end

vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local received = nil

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
local client = vim.lsp.get_client_by_id(client_id)
local result = { diagnostics = #received.diagnostics }

-- 1. the quick fix that inserts the missing section, from the code actions on its line
local line = line_of(buf, missing_at)
local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
  context = { diagnostics = received.diagnostics },
}, 30000)
local inserted = nil
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do
    if inserted == nil and a.title:find('Insert the missing section', 1, true) then
      inserted = a.title
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
    end
  end
end
result.quick_fix = inserted

-- 2. the hover on the Document Status line
local status_line = nil
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:find('**Document Status:**', 1, true) == 1 then
    status_line = i - 1
  end
end
local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = { uri = uri },
  position = { line = status_line, character = 3 },
}, 30000)
for _, r in pairs(hovers or {}) do
  if r.result ~= nil then
    result.hover = r.result.contents.value
  end
end

-- 3. rename the heading: prepareRename, then rename; the edit spans the workspace
local h = line_of(buf, heading)
local position = { line = h, character = #heading - 2 }
local prepared = vim.lsp.buf_request_sync(buf, 'textDocument/prepareRename', {
  textDocument = { uri = uri }, position = position }, 30000)
for _, r in pairs(prepared or {}) do
  if r.result ~= nil then
    result.placeholder = r.result.placeholder
  end
end
local renamed = vim.lsp.buf_request_sync(buf, 'textDocument/rename', {
  textDocument = { uri = uri }, position = position, newName = new_title }, 30000)
result.renamed_files = 0
for _, r in pairs(renamed or {}) do
  if r.result ~= nil then
    for _ in pairs(r.result.changes or {}) do
      result.renamed_files = result.renamed_files + 1
    end
    vim.lsp.util.apply_workspace_edit(r.result, client.offset_encoding)
  end
end

vim.cmd('silent wall')
specgate.stop(client_id)
specgate.finish(result, 0)
