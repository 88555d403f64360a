-- Headless Neovim (0.7 API) as a Corroborate client: starts the server with vim.lsp.start_client, attaches it to
-- Markdown buffers from a FileType autocmd (the README's recipe), opens a draft, and writes what the server answered
-- (diagnostics, a hover and the code actions at a flagged figure, messages) as JSON for test/neovim/run.mjs to check.
-- Inputs come from the environment: CORROBORATE_SERVER, CORROBORATE_ROOT, CORROBORATE_SOURCES, CORROBORATE_DRAFT,
-- CORROBORATE_OUT.
local env = vim.env
local out = { diagnostics = {}, messages = {}, steps = {} }
local published = false

local function finish(err)
  out.error = err
  local file = assert(io.open(env.CORROBORATE_OUT, 'w'))
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd(err and 'cquit 1' or 'qall!')
end

local client_id = vim.lsp.start_client({
  name = 'corroborate',
  cmd = { 'node', env.CORROBORATE_SERVER, '--stdio' },
  root_dir = env.CORROBORATE_ROOT,
  -- Neovim 0.7 cannot answer workspace/configuration: settings go in init_options.
  init_options = { sources = { env.CORROBORATE_SOURCES }, severity = { ['quote/unsourced'] = 'off' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == vim.uri_from_fname(env.CORROBORATE_DRAFT) and #result.diagnostics > 0 then
        out.diagnostics = result.diagnostics
        published = true
      end
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
    ['window/showMessage'] = function(_, result)
      table.insert(out.messages, result)
    end,
  },
})
if not client_id then
  finish('vim.lsp.start_client returned nil')
  return
end

vim.cmd('filetype on')
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'text' },
  callback = function(args)
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.CORROBORATE_DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  table.insert(out.steps, 'opened as ' .. vim.bo[bufnr].filetype)
  if not vim.wait(60000, function() return published end, 50) then
    return finish('no diagnostics within 60 s')
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local figure
  for _, d in ipairs(out.diagnostics) do
    if d.code == 'figure/conflict' then
      figure = figure or d
    end
  end
  if not figure then
    return finish(nil)
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, figure.range.start.line, figure.range.start.line + 1, false)[1] or ''
  out.figure = { range = figure.range, line = line }
  local document = { uri = vim.uri_from_bufnr(bufnr) }
  local hover = client.request_sync('textDocument/hover', { textDocument = document, position = figure.range.start }, 20000, bufnr)
  out.hover = hover and hover.result or vim.NIL
  out.hover_error = hover and hover.err or vim.NIL
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = document,
    range = figure.range,
    context = { diagnostics = { figure } },
  }, 20000, bufnr)
  out.code_actions = actions and actions.result or vim.NIL
  out.code_actions_error = actions and actions.err or vim.NIL
  finish(nil)
end

local ok, err = pcall(run)
if not ok then
  finish(tostring(err))
end
