-- What LspEditorIT's Neovim scripts share: the environment it sets (SPECGATE_JAVA, SPECGATE_JAR,
-- SPECGATE_TODAY, SPECGATE_OUT), the JSON record written on the way out, and starting and stopping
-- `specgate lsp` with Neovim's built-in client. A script loads it with
--   local specgate = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
--     .. '/nvim-specgate.lua')
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start_client and buf_attach_client.
local M = {}

local java = os.getenv('SPECGATE_JAVA')
local jar = os.getenv('SPECGATE_JAR')
local today = os.getenv('SPECGATE_TODAY')
local out = os.getenv('SPECGATE_OUT')

-- writes `result` as JSON to SPECGATE_OUT and quits Neovim with `code`
function M.finish(result, code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

-- starts the server for the folder `root` with `handlers`; nil (the record written) when it fails
function M.start(root, handlers)
  local client_id = vim.lsp.start_client({
    name = 'specgate',
    cmd = { java, '-jar', jar, 'lsp', '--today', today },
    root_dir = root,
    handlers = handlers,
  })
  if client_id == nil then
    M.finish({ error = 'the LSP client did not start' }, 3)
  end
  return client_id
end

-- a publishDiagnostics handler that hands each report to `keep` and shows it as Neovim does
function M.diagnostics(keep)
  return function(err, result, ctx, config)
    if result ~= nil then
      keep(result)
    end
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end
end

-- stops the server politely (shutdown, exit) and waits for it to go
function M.stop(client_id)
  vim.lsp.stop_client(client_id)
  vim.wait(20000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

return M
