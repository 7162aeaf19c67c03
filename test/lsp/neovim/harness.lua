-- Headless Neovim (0.7+) drives the starlint server the way a user's config would:
-- vim.lsp.start_client + vim.lsp.buf_attach_client, then reads vim.diagnostic.get().
-- Inputs come from the environment; the results are written as JSON for the mocha test.
local server = assert(os.getenv('STARLINT_SERVER'))
local file = assert(os.getenv('STARLINT_FILE'))
local out = assert(os.getenv('STARLINT_OUT'))
local result = { steps = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local function fail(message)
  result.error = message
  finish()
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function has(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

local function line_of(bufnr, text)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l == text then return i - 1 end
  end
  return nil
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'starlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    settings = { starlint = { debounceMs = 50 } },
    init_options = { today = '2026-11-25' },
  })
  if not client_id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. Diagnostics after opening.
  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then return fail('no diagnostics after open') end
  result.steps.open = codes(bufnr)

  -- 2. Hover on the Action heading.
  local action = line_of(bufnr, '## Action')
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = action, character = 4 } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  for _, r in pairs(responses) do
    if r.result then result.steps.hover = r.result.contents.value end
  end

  -- 3. An edit (Neovim sends it as an incremental change): a vague phrase appears in Action.
  vim.api.nvim_buf_set_text(bufnr, action + 2, 0, action + 2, 0, { 'I tried a bunch of things. ' })
  if not vim.wait(20000, function() return has(bufnr, 'vague-language') ~= nil end, 20) then return fail('no vague-language after the edit') end
  result.steps.edited = codes(bufnr)

  -- 4. A quick fix: rewrite the first "we + past verb" as "I", applied by Neovim itself.
  local we = has(bufnr, 'first-person')
  if not we then return fail('no first-person diagnostic') end
  local count = #vim.tbl_filter(function(d) return d.code == 'first-person' end, vim.diagnostic.get(bufnr))
  local range = { start = { line = we.lnum, character = we.col }, ['end'] = { line = we.end_lnum, character = we.end_col } }
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, we.lnum) },
  }, 10000) or {}
  local chosen
  result.steps.actions = {}
  for _, r in pairs(actions) do
    for _, a in ipairs(r.result or {}) do
      table.insert(result.steps.actions, a.title)
      if not chosen and a.title:find('^Rewrite') then chosen = a end
    end
  end
  if not chosen then return fail('no rewrite action') end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  local fixed = vim.wait(20000, function()
    return #vim.tbl_filter(function(d) return d.code == 'first-person' end, vim.diagnostic.get(bufnr)) < count
  end, 20)
  if not fixed then return fail('the rewrite did not remove a first-person diagnostic') end
  result.steps.fixed_line = vim.api.nvim_buf_get_lines(bufnr, we.lnum, we.lnum + 1, false)[1]

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then result.error = tostring(err) end
finish()
