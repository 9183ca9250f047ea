-- What the server serves, followed in headless Neovim 0.7 (which reports no changed files, so
-- only the server's own watch sees a configuration change on disk), and where its messages go:
-- 1. a spec opened outside the workspace folder, under a broken .specgate.yml: the configuration
--    fixed on disk, the spec untouched, and the error goes (the spec's project root is watched);
-- 2. a folder added with vim.lsp.buf.add_workspace_folder: its configuration changed on disk
--    checks the open spec again; removed with remove_workspace_folder, a change there does not;
-- 3. a notification the server does not know: LSP4J's warning comes as window/logMessage.
-- Writes what it saw to a JSON file. Run by LspEditorIT with SPECGATE_JAVA, SPECGATE_JAR,
-- SPECGATE_TODAY, SPECGATE_OUT, SPECGATE_ROOT (the workspace folder), SPECGATE_SPEC (a spec in
-- it), SPECGATE_OUTSIDE (a spec outside it) and SPECGATE_OUTSIDE_CONFIG (its broken
-- .specgate.yml), SPECGATE_ADDED (a folder to add, holding a .specgate.yml) and SPECGATE_FIXED (a
-- configuration's fixed text).
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local root = os.getenv('SPECGATE_ROOT')
local added = os.getenv('SPECGATE_ADDED')
local fixed = os.getenv('SPECGATE_FIXED')

local reports = {} -- uri -> every report received for it
local logged = {}

local function write(path, text)
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
end

local function count(uri)
  return #(reports[uri] or {})
end

local client_id = specgate.start(root, {
  ['textDocument/publishDiagnostics'] = specgate.diagnostics(function(result)
    reports[result.uri] = reports[result.uri] or {}
    table.insert(reports[result.uri], result)
  end),
  ['window/logMessage'] = function(_, result)
    table.insert(logged, result)
  end,
})
if client_id == nil then
  return
end

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SPECGATE_SPEC')))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
vim.lsp.buf_attach_client(buf, client_id)
if not vim.wait(90000, function() return count(uri) > 0 end, 50) then
  specgate.finish({ error = 'no diagnostics within 90 s' }, 4)
  return
end
local result = { first = reports[uri][1] }

-- 1. outside the workspace folder
local outside = os.getenv('SPECGATE_OUTSIDE')
vim.cmd('edit ' .. vim.fn.fnameescape(outside))
local outside_buf = vim.api.nvim_get_current_buf()
local outside_uri = vim.uri_from_bufnr(outside_buf)
vim.lsp.buf_attach_client(outside_buf, client_id)
if not vim.wait(60000, function() return count(outside_uri) > 0 end, 50) then
  specgate.stop(client_id)
  specgate.finish({ error = 'no diagnostics outside the folder within 60 s' }, 0)
  return
end
result.outside_broken = reports[outside_uri][count(outside_uri)]
local seen = count(outside_uri)
write(os.getenv('SPECGATE_OUTSIDE_CONFIG'), fixed)
if vim.wait(30000, function() return count(outside_uri) > seen end, 50) then
  result.outside_fixed = reports[outside_uri][count(outside_uri)]
end
result.outside_modified = vim.bo[outside_buf].modified

-- 2. a folder added, then removed (from the first spec's buffer, which the client is attached to)
vim.cmd('buffer ' .. buf)
seen = count(uri)
vim.lsp.buf.add_workspace_folder(added)
-- the folders changed: the open specs are checked again
result.checked_on_add = vim.wait(30000, function() return count(uri) > seen end, 50)
vim.wait(1000) -- the watch of the added folder starts as the change is taken in
seen = count(uri)
write(added .. '/.specgate.yml', fixed .. 'rule:\n  x: off\n')
result.seen_in_added = vim.wait(30000, function() return count(uri) > seen end, 50)
vim.wait(1000) -- the check it made is done
seen = count(uri)
vim.lsp.buf.remove_workspace_folder(added)
result.checked_on_remove = vim.wait(30000, function() return count(uri) > seen end, 50)
vim.wait(1000)
seen = count(uri)
write(added .. '/.specgate.yml', fixed)
result.seen_after_remove = vim.wait(5000, function() return count(uri) > seen end, 50)

-- 3. a notification the server does not know: LSP4J says so in the editor's log
vim.lsp.get_client_by_id(client_id).notify('specgate/no-such-notification', {})
vim.wait(30000, function()
  for _, m in ipairs(logged) do
    if m.message:find('specgate/no-such-notification', 1, true) then
      return true
    end
  end
  return false
end, 50)
result.logged = logged

specgate.stop(client_id)
specgate.finish(result, 0)
