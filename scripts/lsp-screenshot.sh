#!/usr/bin/env bash
# Makes docs/lsp-neovim.png, README's picture of `chitieu lsp` in an editor: Neovim in an xterm on
# a virtual X display, a policy with a ramp that misses its deadline open, the hover of a target.
# Needs (Debian): xvfb xterm imagemagick neovim fonts-dejavu-core; and `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/init.lua" <<LUA
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 0
vim.o.termguicolors = false
vim.cmd("highlight NormalFloat ctermbg=236 ctermfg=252")
vim.cmd("highlight FloatBorder ctermbg=236 ctermfg=244")
vim.diagnostic.config({ virtual_text = true, underline = true, signs = true })
local id = vim.lsp.start_client({ name = "chitieu", cmd = { "$(command -v node)", "$PWD/bin/chitieu.js", "lsp", "--stdio" }, root_dir = "$PWD/test/fixtures/bad" })
vim.cmd("edit $PWD/test/fixtures/bad/ramp_mismatch_bad.ct")
vim.lsp.buf_attach_client(0, id)
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
vim.cmd("normal! 10Gzt")
vim.api.nvim_win_set_cursor(0, { 34, 10 })
vim.lsp.buf.hover()
LUA
export XDG_CONFIG_HOME="$work" XDG_CACHE_HOME="$work" XDG_STATE_HOME="$work" XDG_DATA_HOME="$work"
Xvfb :97 -screen 0 1640x560x24 >/dev/null 2>&1 &
sleep 1
DISPLAY=:97 TERM=xterm-256color xterm -tn xterm-256color -geometry 182x30+0+0 -fa "DejaVu Sans Mono" -fs 11 -bg "#1e1e1e" -fg "#d4d4d4" -e nvim -n -i NONE -u "$work/init.lua" &
sleep 6
DISPLAY=:97 import -window root -crop 1640x560+0+0 docs/lsp-neovim.png
echo "docs/lsp-neovim.png"
