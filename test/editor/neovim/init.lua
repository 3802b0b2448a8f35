-- A real editor as the client: Neovim (0.7.2, Debian's) starts `chitieu lsp`, opens a policy,
-- waits for its diagnostics, asks for a hover, prints both to standard output and quits.
-- test/editor/neovim.test.ts runs it headless; the same lines configure chitieu in a user's init.lua.
local out = io.stdout
local function say(text) out:write(text .. "\n") end

local client_id = vim.lsp.start_client({
  name = "chitieu",
  cmd = { vim.env.CHITIEU_NODE, vim.env.CHITIEU_BIN, "lsp", "--stdio" },
  root_dir = vim.env.CHITIEU_ROOT,
})
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.CHITIEU_FILE))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not got then say("NO DIAGNOSTICS") end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local message = d.message:gsub("\n", " | ")
  say(string.format("DIAGNOSTIC %d:%d %s %s", d.lnum + 1, d.col + 1, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), message))
end

local client = vim.lsp.get_client_by_id(client_id)
local position = { line = tonumber(vim.env.CHITIEU_LINE), character = tonumber(vim.env.CHITIEU_COLUMN) }
local answer = client.request_sync("textDocument/hover", { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }, 30000, buf)
if answer and answer.result then
  for _, line in ipairs(vim.split(answer.result.contents.value, "\n")) do say("HOVER " .. line) end
else
  say("NO HOVER " .. vim.inspect(answer))
end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qa!")
