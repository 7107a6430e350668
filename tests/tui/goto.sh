#!/bin/sh
# The prompt and the goto action: ":" then a clause number or a node path;
# wide and accented input; Backspace on an empty prompt cancels. In a
# convention (A/RES/79/243), citations as people write them and as 'c'
# shows them: "Article 40", "art. 12, para. 1", "Annex, art. 12, para. 1".
. "${top_srcdir:-.}/tests/tui/lib.sh"
tui_plan 23

tui_start 80 24 "$LECTERN"
tui_wait 'Carta de fecha' 1
tui_keys : 8
check ": opens the prompt and shows what is typed" tui_wait '^Go to clause or path: 8' 24
tui_keys Enter
check "Enter goes to clause 8 (the annex has it)" \
	tui_wait '│ *\[8\] Dado el carácter transfronterizo' 1
check "the message cites it, not its path" tui_wait '^Anexo, párr\. 8 *$' 24
tui_keys : 3 Enter
check "a number goes first to the clause of the part being read" \
	tui_wait '│ *\[3\] Al mismo tiempo, les preocupa' 1
tui_keys : l e t t e r / p 2 Enter
check "a path goes to that node" tui_wait '│ *\[2\] Le agradecería que tuviera' 1
tui_keys : 'ñ' '日' x Enter
check "an unknown clause is an error that quotes the input" \
	tui_wait "^No clause or path 'ñ日x'" 24
tui_keys : a BSpace BSpace
check "Backspace on an empty prompt cancels it" \
	tui_wait '^Space/b page  Tab outline' 24
# editing: Left/Right move the cursor, C-w deletes a word, Up/Down
# recall what was typed at this prompt before
tui_keys : 3 Left 1
check "Left moves the cursor: 1 goes before the 3" tui_wait '^Go to clause or path: 13 *$' 24
tui_keys Right 9 BSpace Enter
check "Right moves it back; Enter goes to clause 13" tui_wait '│ *\[13\] Reafirman el deseo' 1
tui_keys :
tui_keys -l 'anexo parr 8'
tui_keys C-w
check "C-w deletes the word before the cursor" tui_wait '^Go to clause or path: anexo parr *$' 24
tui_keys C-w C-w
check "and the words before it" tui_wait '^Go to clause or path: *$' 24
tui_keys Up
check "Up recalls the last entry" tui_wait '^Go to clause or path: 13 *$' 24
tui_keys Up
check "Up again an older one (one that was not found too)" tui_wait "^Go to clause or path: ñ日x *\$" 24
tui_keys Down Down
check "Down comes back to what was typed (nothing)" tui_wait '^Go to clause or path: *$' 24
tui_keys Up Up Up Enter
check "a recalled entry is submitted as typed" tui_wait '│ *\[2\] Le agradecería que tuviera' 1

CONV="${top_srcdir:-.}/tests/data/parse/corpus/en_A_RES_79_243.txt"
tui_start 80 24 "$LECTERN '$CONV'"
tui_wait 'Resolution adopted by the General Assembly' || true
tui_keys : 'Article 40' Enter
check ":Article 40 goes to the article's heading" tui_wait '│ +Article 40 *$' 1
check "the message cites it" tui_wait '^Annex, art\. 40 *$' 24
tui_keys : 'art. 12, para. 1' Enter
check ":art. 12, para. 1 goes to paragraph 1 of article 12" \
	tui_wait '│ +1 Each State Party shall adopt such' 1
check "the message cites it" tui_wait '^Annex, art\. 12, para\. 1 *$' 24
tui_keys c
check "c cites it as the convention does" \
	tui_wait '^Annex, art\. 12, para\. 1  \(annex1/decl/s2/s6/p1\)' 24
tui_keys g : 'Annex, art. 40, para. 2' Enter
check "what c shows goes back there" tui_wait '^Annex, art\. 40, para\. 2 *$' 24
tui_keys : 'preambular para. 2' Enter
check "a preambular paragraph: the one of the part being read (the annex)" \
	tui_wait '^Annex, preambular para\. 2 *$' 24
tui_keys : pp2 Enter
check "pp2 is first a path: the resolution's own preambular paragraph" \
	tui_wait '│ *\[pp2\] Recalling also its resolution 75/282' 1
tui_done
