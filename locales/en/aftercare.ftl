# aftercare: the interface's own words, English.
#
# One message a line: a value that runs over lines keeps its line breaks. The medical wording
# (questions, answers, outcomes, explanations) is content, in data/, not here.
# Variables: $n, $all (counts), $query (what was typed), $need and $now ("80x24").
# tests/catalogue.rs fails on a key here that no code uses, and on a key the code uses that is
# missing here.

## The welcome screen

welcome-is = This guide helps you tell a normal response after a massage (flushing, soreness the next day, tiredness) from a sign that needs your therapist, a doctor, urgent care or an emergency call.
# Said when the content has no intro of its own; the emergency line is the banner's.
welcome-is-not = It is a guide, not a diagnosis.
welcome-start = Check a symptom
welcome-browse = Browse explanations
welcome-quit = Quit
# The language switch: each language named in its own words.
welcome-lang-en = English
welcome-lang-es = Español

## The outcome screen

outcome-another = Check another symptom
outcome-start-again = Start again
outcome-quit = Quit
# In a kiosk, in place of Quit.
outcome-finish = Finish and clear
outcome-do-now = Do this now
outcome-watch = Get help if…
# On an outcome below an earlier, more urgent result: that result comes first.
outcome-earlier-first = Your earlier result comes first
# The outcome's further things to do, after the first one and the emergency line.
outcome-also = Also
outcome-why = Why
outcome-read-more = Why? Read more (press its number, or tap it)
outcome-results = Your results so far
outcome-overall = Overall:
# The label for this symptom's own level, after the overall one.
outcome-this-one = this symptom:

## Questions and scrolling

# Before the answers so far.
question-so-far = So far:
more-above = more above (↑)
more-below = more below (↓)

## The explanations

topics-title = Explanations
topics-some = Explanations: { $n } of { $all }
topics-search = Search:
topics-search-how = Press / to search.
topics-search-clear = (Esc clears)
topics-no-match = No explanation has '{ $query }'. Press Backspace or Esc to change it.
topic-related = Related explanations
topic-sources = Sources

## The help overlay and the quit dialog

help-title = Keys
help-mouse = You can also click or tap an answer or a button.
quit-title = Quit?
quit-text = Quit now? Your answers will not be kept.
quit-yes = [y] Yes, quit
quit-no = [n] No, keep going

## The window

too-small = Please make the window larger (needs { $need }, now { $now }).
# Printed after the terminal has been restored; the emergency line follows it.
crashed = aftercare stopped because of an internal error; the terminal has been restored.

## The take-home code

take-home-title = Take this with you
take-home-text = Point your phone's camera at the code to keep a short summary of your results. The words are inside the code: nothing is sent anywhere and nothing is saved here. Tap or press Esc to close.
take-home-too-small = The code does not fit this window. Please make the window larger, or write down your results. Tap or press Esc to close.

## Dialogs

still-there-title = Still there?
still-there-text = To keep your answers private, they will be cleared in { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }. Tap anywhere or press any key to keep going.
still-there-button = I'm still here
staff-title = Staff exit
staff-text = Type the staff PIN, then Enter or OK.
# Before the dots that stand for the digits typed.
staff-pin = PIN:
dialog-cancel = [Esc] Cancel
save-title = Save your results
save-text = Type a file name and press Enter. It is saved in the folder you started aftercare from, as plain text (Markdown). Nothing else is kept.

## The levels, shown with their symbols so a level is never colour alone

level-expected = Expected
level-therapist = Tell your therapist
level-doctor = See a doctor
level-urgent = Get help today
level-emergency = EMERGENCY

## Key names, in the help and the footer

key-space = Space
# $key is the letter: "Ctrl-C".
key-ctrl = Ctrl-{ $key }
key-enter = Enter
key-esc = Esc
key-backspace = Backspace
key-tab = Tab
key-backtab = Shift-Tab
key-page-up = PgUp
key-page-down = PgDn
key-home = Home
key-end = End
# The number keys, together.
key-digits = 1–9
# Every printable key, in a search.
key-letters = letters

## The help overlay's lines (help-) and the footer's hints (hint-), one pair a key binding

help-confirm-yes = Yes, quit
hint-confirm-yes = quit
help-confirm-no = No, keep going
hint-confirm-no = keep going
help-close = Close this list
hint-close = close
help-type = Type words to narrow the list of explanations
help-clear-search = Clear the search
hint-clear-search = clear
help-go-back-or-clear = Go back (or clear the search)
help-show-keys = Show this list of keys
hint-show-keys = help
help-quit = Quit (asks first if you have answered)
hint-quit = quit
help-open = Open the highlighted explanation or link
hint-open = open
help-erase = Delete the last letter of the search
help-search = Search the explanations
hint-search = search
help-up = Move up / scroll up
help-down = Move down / scroll down
help-page-up = Scroll up a page
help-page-down = Scroll down a page
help-pick = Choose that numbered answer at once
help-choose = Choose the highlighted answer or button
hint-choose = choose
help-next-button = Next button
help-next-link = Highlight the next link
hint-next-link = link
help-prev-link = Highlight the previous link
help-open-numbered = Open that numbered explanation at once
help-top = Go to the top
help-end = Go to the end
help-prev-button = Previous button
help-another = Check another symptom
hint-another = another
help-back = Go back one step
hint-back = back
help-restart = Start again
hint-restart = start again
help-why = Why? Read the explanation
hint-why = why?
help-take-home = Take this with you: your results as a QR code for your phone
hint-take-home = QR code
help-save = Save your results as a file (Markdown)
hint-save = save
help-finish = Finish: clear all answers and go back to the start
help-quit-now = Quit at once
help-language = Change the language
hint-language = Español

## Whom to call (words.rs): $number is the emergency number, $phone the clinic's, $clinic its name

emergency-call = Very unwell? Call { $number } now.
emergency-questions-clinic = Questions? Call { $clinic } on { $phone }.
emergency-questions-phone = Questions? Call { $phone }.
emergency-questions-therapist = Questions? Call your massage therapist.
# Shorter forms for a narrow banner, longest first.
emergency-short-phone = Very unwell? Call { $number } now. Questions? Call { $phone }.
emergency-short-clinic = Call { $number } now if very unwell. Clinic: { $phone }.
emergency-short = Call { $number } now if very unwell.
emergency-shortest = Call { $number }
# The take-home code's last lines.
compact-clinic = Clinic: { $phone }
compact-emergency = Emergency: { $number }

## The summaries: printed, saved and in the take-home code

# $level is a level's words, $id its id.
overall-sentence = Overall: { $level } ({ $id }). The most urgent result counts.
summary-title = aftercare: your results
# The printed summary's heading over each result's safety net, as "Do this now:" is over its steps.
summary-watch = Get help if:
# The saved file (Markdown); $title is the content's title.
summary-file-title = { $title }: your results
summary-file-overall = **Overall: { $level }** (the most urgent result counts)
code-title = After your massage
code-overall = Overall: { $level }
code-now = Now: { $text }

## The pictures: captions and the labels inside them

caption-vasodilation-before = Before: the ring of smooth muscle in the vessel wall is tight, so the vessel is narrow.
caption-vasodilation-after = After: the muscle ring relaxes and the vessel widens. More blood flows just under the skin, so it looks pink or red and feels warm. This fades within hours.
caption-leg-clot = A clot in a deep leg vein: one calf swollen, warm, red or darker and painful, unlike the other leg. Get help the same day; call the emergency number if you are short of breath or have chest pain.
picture-skin-pale = skin: pale, normal warmth
picture-skin-pink = skin: pink and warm
picture-vessel-narrow = vessel: narrow
picture-vessel-wide = vessel: widened, more blood flows
picture-usual-leg = usual leg
picture-swollen-calf = swollen, warm, painful calf
# The ASCII drawings' labels.
art-skin = skin
art-pale = (pale)
art-pink = (pink, warm)
art-ring-tight = muscle ring tight
art-little-flow = little blood flow
art-ring-relaxed = muscle ring relaxed
art-more-flow = more blood flows
art-swollen-calf = swollen calf
art-calf-signs = <- warm, red or darker, painful

## The kiosk's PIN dialog and the save dialog

pin-wrong = Wrong PIN. Try again in { $n } s.
pin-wait = Please wait { $n } s.
pin-none = No staff PIN is set (kiosk.pin_hash; make one with `aftercare hash-pin`). Until then stop a terminal kiosk with SIGTERM (`systemctl stop`); reload a browser kiosk from its browser.
save-done = ✓ Saved to { $path }
save-exists = That file exists. Press Enter again to replace it, or change the name.
save-failed = Could not save: { $error }

## The review handout (aftercare export): for the clinicians who check the content

handout-title = { $title } — content for review
handout-counts = Content version **{ $version }**. { $questions } questions, { $outcomes } outcomes, { $topics } topics, { $sources } sources.
handout-placeholders = Placeholders are shown filled with this config: emergency number *{ $number }*, clinic phone *{ $phone }*.
# $id and $anchor name the question where "check another symptom" starts.
handout-start = Every session starts at the first question (an emergency screen). After each outcome the person may check another symptom, which starts at [{ $id }](#{ $anchor }); the overall result is the most urgent one.
handout-levels = Levels: { $legend }. Dashed/"not sure" answers must lead to the safer branch.
handout-col-level = level
handout-col-outcomes = outcomes
handout-col-answer = answer
handout-col-leads-to = leads to
handout-questions = Questions
handout-outcomes = Outcomes
handout-topics = Explanation topics
handout-sources = Sources
handout-question-number = Q{ $n }.
handout-emergency-screen = emergency screen
handout-not-sure = not sure
handout-to-question = question [{ $id }](#{ $anchor })
handout-route = ; if { $facts }: [{ $to }](#{ $anchor })
handout-outcome-id = `{ $id }` · level **{ $level }**
handout-why = **Why:** { $text }
handout-read-more = **Read more:** { $links }
handout-outcome-sources = **Sources:** { $links }
handout-topic-sources = Sources: { $links }
source-verified = checked at the publisher
source-secondary = seen in a secondary copy

## A kiosk whose content is broken at start (the terminal's refusal screen)

refused-text = This kiosk cannot start: its content has mistakes. It tries again by itself every { $n } seconds, and as soon as the files are fixed.
refused-staff = Staff: fix each line below (`aftercare check` shows the same).
refused-more = … and { $n } more (`aftercare check` lists them all)

## The page (the browser kiosk): what it shows in place of the kiosk

# After the emergency line, which every such message begins with.
page-first-line = { $line } Or ask at the desk.
page-cannot-start = This kiosk cannot start. Tap to try again; it also tries by itself every { $n } seconds.
page-refused = This kiosk cannot start: its files have mistakes. Tap to try again; it also tries by itself every { $n } seconds.
page-refused-staff = Staff: fix each line above (`aftercare check` shows the same).
# $saved is page-kept or nothing; $first the first mistake.
page-notice = Staff: running on the last good copy{ $saved }: the files on the server were refused — { $first }. This screen tries them again every { $n } s.
# $time is when the last good copy was kept: "2026-01-31 09:30".
page-kept = (kept { $time })
page-crashed = Something went wrong. This screen restarts in a few seconds.
page-try-again = Try again
page-loading = Loading…
# On a narrow screen a question's help is folded under this line, so its answers are on the first screenful.
page-help-more = More about this question

## The command line, to a person who started the app where it cannot run

# $missing is cli-stdin or cli-stdout.
cli-no-terminal = error: aftercare needs a terminal, and { $missing } is not one
cli-no-terminal-hint = hint: for a screen reader, a script or a pipe use line mode: aftercare --plain
cli-stdin = standard input
cli-stdout = standard output


## The line mode (aftercare --plain): what it says at the start and on help, its prompts, and its
## replies to a line it cannot take.
line-commands = Type the number of an answer, or the start of its words. Other commands: back (go back a step), restart (start again), why (explain), help (this text), quit (finish and show the summary).
# The prompt on a screen with numbered choices; $n is how many. The line mode adds a space after it.
line-answer = Your answer (1-{ $n }):
# The prompt on a screen without numbered choices. The line mode adds a space after it.
line-choice = Your choice:
# Before the screen's other words to type (its footer's), on one line.
line-or-type = Or type:
line-empty = Please type an answer.
line-no-number = There is no answer { $n }. Type a number from 1 to { $max }.
line-not-one = '{ $typed }' is not one of the answers. Type a number from 1 to { $max }.
line-not-a-choice = '{ $typed }' is not one of the choices. Type help for the commands.
line-many = '{ $typed }' matches more than one answer ({ $which }). Type the number.
line-nothing = That does nothing on this screen. Type help for the commands.
line-restarted = Starting again. Your earlier answers are cleared.
line-no-result = Summary: no result yet.

## The words a person may type in the line mode for each command, whole (any case), separated by
## commas. Keep them apart from each other; an answer's own words are matched after these.
line-words-back = back, b
line-words-restart = restart, start again
line-words-help = help, ?
line-words-why = why, why?
line-words-quit = quit, exit, q
# Typed on a question that has a "none of these" answer (its id is none), these pick it.
line-words-none = no, none, nope

## `why` on a question without help of its own: the lead, then either the question's own "Not
## sure" answer ($label) or, where it has none, the closest answer.
why-lead = Your answer decides the next question.
why-not-sure = If you are not sure, choose '{ $label }': it takes the safer path.
why-closest = Choose the answer closest to what you notice.

## The number pad's erase key and a dialog's close button, as the screen-reader mirror names them.
pad-erase = Erase
dialog-close = Close

## What the interface calls the clinic's phone and the clinic when the clinic config names none
## (filled into the content's {clinic_phone} and {clinic_name}).
clinic-no-phone = your massage therapist
clinic-no-emergency = your emergency number (999, 112 or 911)
clinic-no-name = your clinic

## Sign-off (`aftercare sign`, `aftercare check`, require_signoff): for the clinic's staff and the
## clinician who approves the content, never for a person using the guide.

# Where content stands against its signoff.toml ($date is YYYY-MM-DD, $by the name, $role the role).
signoff-never = not signed off (no record in signoff.toml; a clinician signs it with `aftercare sign --by NAME`)
signoff-signed = signed off on { $date } by { $by }
signoff-signed-role = signed off on { $date } by { $by } ({ $role })
signoff-changed = changed since it was signed off on { $date } by { $by }: run `aftercare diff --git REV` (or `aftercare diff OLD NEW`) to see what the change does, review it with the clinician, then sign it again with `aftercare sign`
signoff-one-file = not signed off (sign-off covers a content folder; put the file in a folder and sign the folder)
# The built-in content (`aftercare check` without a path).
signoff-built-in = carries no sign-off: it is the project's draft, approved by no clinic. To run signed content, copy data/ to a folder of your own, review it, sign it (`aftercare sign --by NAME FOLDER`) and use that folder (--content, or content in the clinic config)
# The same for the kiosk log and the page's staff notice: no names.
signoff-log-signed = signed off on { $date }
signoff-log-never = the content is not signed off (no record in signoff.toml)
signoff-log-changed = the content changed since its last sign-off ({ $date }); sign it again or put the signed version back
signoff-log-built-in = the built-in content carries no sign-off; give a signed content folder (--content, or content in the clinic config)
signoff-log-one-file = the content is one file, and sign-off covers a content folder
# The page's refusal of its compiled-in content when that does not decode (never in practice).
embedded-name = the content compiled in
embedded-undecodable = the content compiled into the page does not decode; build the page again with scripts/build-web.sh
# The lines `aftercare check` prints; $path is the content folder, $line one of the above.
signoff-note = note: { $path }: { $line }
signoff-warning = warning: { $path }: { $line }
signoff-error = error: { $path }: { $line }
signoff-required = error: sign-off is required (--require-signoff, or require_signoff in the clinic config)
translation-unreviewed = note: { $path }: no clinician fluent in the language has checked this translation against the English (add [meta] clinician_review = "name, role, date" to { $lang }/tree.toml once one has)
# A malformed signoff.toml.
signoff-bad-hash = this is not a hash as `aftercare sign` writes it ('sha256:' and 64 hex digits)
signoff-bad-date = this is not a date written as YYYY-MM-DD
signoff-bad-text = this has a control character
signoff-no-name = the name of whoever signed is empty
signoff-hint-format = `aftercare sign` writes this file: one [[signoff]] table per sign-off (docs/clinic-review.md)
signoff-hint-sign = restore the file from git (`git checkout -- signoff.toml`); `aftercare sign` adds records
signoff-file-has-errors = error: { $path } has errors; fix it (or restore it from git) before signing again
# `aftercare sign`; the header is the first line of a new signoff.toml (after '# ').
signoff-file-header = Sign-offs of the content in this folder, newest last, written by `aftercare sign`: do not edit; `aftercare check` compares the content with the last one.
sign-done = { $path }: signed off on { $date } by { $by }
sign-done-role = { $path }: signed off on { $date } by { $by } ({ $role })
sign-hashes = content { $content }, hazard log { $hazards }
sign-not-folder = error: { $path } is not a content folder; sign the folder that holds the content files
sign-has-errors = error: { $path } has errors; only content that passes `aftercare check` can be signed off
sign-bad-value = error: --{ $option } is empty or has a control character
sign-write-failed = error: could not write { $path }: { $reason }
# A kiosk with require_signoff that refuses its content at start ($line is a signoff-log-* line).
signoff-kiosk-refused = error: { $path }: { $line }. This kiosk runs only signed-off content (require_signoff in the clinic config), so nothing was started. See `aftercare check { $path }` and docs/clinic-review.md.
