-- Runs inside headless Neovim after the README's init.lua snippet has been loaded (-u), with a
-- Chinese draft open. Checks that Tifa attached, that the diagnostic column is right on a line
-- that starts with Chinese text, and the hover. Writes its lines to $TIFA_RESULT; exits 0 or 1.
local out, ok_all = {}, true
local function say(s) out[#out + 1] = s end
local function check(cond, what) say((cond and 'PASS ' or 'FAIL ') .. what); ok_all = ok_all and cond end
local function finish()
  local f = io.open(os.getenv('TIFA_RESULT'), 'w'); f:write(table.concat(out, '\n') .. '\n'); f:close()
  vim.cmd(ok_all and 'qa!' or 'cq!')
end

local bufnr = vim.api.nvim_get_current_buf()
say('nvim ' .. vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch .. ', filetype ' .. vim.bo.filetype)
check(vim.wait(10000, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 50), 'the README snippet attached Tifa to the buffer')
check(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'diagnostics received')
local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  say(string.format('diagnostic %d:%d-%d %q %s', d.lnum, d.col, d.end_col, line:sub(d.col + 1, d.end_col), d.message))
end
local first = diags[1]
local line = first and vim.api.nvim_buf_get_lines(bufnr, first.lnum, first.lnum + 1, false)[1] or ''
check(first ~= nil and first.lnum == 0 and first.col == 0 and line:sub(first.col + 1, first.end_col) == '网络强国', 'first diagnostic covers 网络强国 at the start of line 1')
local second = diags[2]
local line2 = second and vim.api.nvim_buf_get_lines(bufnr, second.lnum, second.lnum + 1, false)[1] or ''
check(second ~= nil and line2:sub(second.col + 1, second.end_col) == '核心技术', 'second diagnostic covers 核心技术 after other Chinese text (UTF-16 columns mapped to bytes)')
check(first ~= nil and first.message == '网络强国 — cyber superpower (Leading Group announcement, 2014)', 'diagnostic message')

vim.api.nvim_win_set_cursor(0, { 1, 3 }) -- inside 网 (byte 3 = second character)
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), 5000)
local hover
for _, r in pairs(resp or {}) do if r.result then hover = r.result.contents.value end end
say('hover: ' .. tostring(hover and hover:sub(1, 120)))
check(hover ~= nil and hover:find('Preferred 首选: **cyber superpower** (DigiChina; source 来源: DigiChina, ', 1, true) ~= nil, 'hover shows the preferred rendering')
check(hover ~= nil and hover:find('**Provenance 出处**', 1, true) ~= nil, 'hover shows the provenance')
finish()
