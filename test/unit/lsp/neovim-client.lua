-- Run by neovim.test.ts: `nvim --headless -u NONE -l`-style, as `-c "luafile neovim-client.lua"`.
-- Neovim 0.7's own LSP client (vim.lsp.start_client) opens a record, reads the diagnostics, asks
-- for completion, applies a code action and reads the buffer. Writes what it saw, as JSON, to
-- $LEGIBLE_OUT, then quits. Inputs: $LEGIBLE_CMD (JSON array), $LEGIBLE_ROOT, $LEGIBLE_RECORD.
local out = os.getenv('LEGIBLE_OUT')
local result = { steps = {} }

local function finish(err)
  result.error = err
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('LEGIBLE_RECORD')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'legible',
    cmd = vim.fn.json_decode(os.getenv('LEGIBLE_CMD')),
    root_dir = os.getenv('LEGIBLE_ROOT'),
    init_options = { debounceMs = 20 },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  table.insert(result.steps, 'attached')

  -- The record's findings, pushed by the server.
  assert(vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), 'no diagnostics within 30 s')
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { line = d.lnum, message = d.message, source = d.source, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code })
  end

  -- Completion of the status value (line 4, after `status: `).
  local uri = vim.uri_from_bufnr(bufnr)
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = 3, character = 8 } }, 10000)
  result.completion = {}
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end

  -- The quick fixes of the first diagnostic, as the client sends its diagnostics back.
  local first = vim.diagnostic.get(bufnr)[1]
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum)
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = line_diagnostics },
  }, 10000)
  result.actions = {}
  local chosen
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.isPreferred and not chosen then chosen = action end
    end
  end
  assert(chosen, 'no preferred code action')
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  result.applied = chosen.title
  result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

  -- The server hears the edit (didChange) and takes the answered finding back.
  assert(vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find('`reversibility.how` is missing', 1, true) then return false end
    end
    return true
  end, 20), 'the finding the fix answers is still there')
  result.after = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(result.after, d.message) end
  vim.lsp.stop_client(client_id)
end)

finish(not ok and tostring(err) or nil)
