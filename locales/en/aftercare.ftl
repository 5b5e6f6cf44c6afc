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
