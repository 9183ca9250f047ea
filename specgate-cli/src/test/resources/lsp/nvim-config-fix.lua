-- Opens one spec in headless Neovim under a broken .specgate.yml, waits for the server's
-- configuration error on it, then writes SPECGATE_FIXED over the configuration on disk, touching
-- neither the buffer nor the spec, and waits for the spec's next diagnostics; writes both reports
-- to a JSON file. Neovim 0.7 offers no dynamic registration of workspace/didChangeWatchedFiles,
-- so only the server's own watch can see the fix. Run by LspEditorIT with SPECGATE_JAVA,
-- SPECGATE_JAR, SPECGATE_SPEC, SPECGATE_TODAY, SPECGATE_OUT, SPECGATE_ROOT (the workspace
-- folder, which holds .specgate.yml) and SPECGATE_FIXED (the configuration's fixed text).
local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
  .. '/nvim-specgate.lua')
local spec = os.getenv('SPECGATE_SPEC')
local root = os.getenv('SPECGATE_ROOT')

vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local reports = {}

local client_id = specgate.start(root, {
  ['textDocument/publishDiagnostics'] = specgate.diagnostics(function(result)
    if result.uri == uri then
      table.insert(reports, result)
    end
  end),
})
if client_id == nil then
  return
end
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(90000, function() return #reports > 0 end, 50) then
  specgate.finish({ error = 'no diagnostics within 90 s' }, 4)
  return
end
local broken = reports[#reports]

local f = assert(io.open(root .. '/.specgate.yml', 'wb'))
f:write(os.getenv('SPECGATE_FIXED'))
f:close()

local seen = #reports
if not vim.wait(60000, function() return #reports > seen end, 50) then
  specgate.stop(client_id)
  specgate.finish({ broken = broken, error = 'no diagnostics after the fix within 60 s' }, 0)
  return
end
local fixed = reports[#reports]

specgate.stop(client_id)
specgate.finish({ broken = broken, fixed = fixed, modified = vim.bo[buf].modified }, 0)
