//! `aftercare diff OLD NEW --format review`: the review pack, one Markdown document for the
//! clinician who approves a content change: the change (the diff report), the hazard log entries
//! it touches, the changed outcomes in full as the handout prints them, and a sign-off block.

use std::collections::BTreeSet;
use std::fmt::Write;

use aftercare::config::Config;
use aftercare::content::Tree;
use aftercare::diff::{FlagChange, Report};
use aftercare::export::{hazard_entries, outcome_handout};

use super::diff_out::{self, Names};

/// The review pack of a change from `old` to `new`.
pub fn pack(r: &Report, names: &Names, (old, new): (&Tree, &Tree), config: &Config) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Review of a content change: {}\n", new.meta.title);
    let _ = writeln!(
        s,
        "From **{}** (version {}) to **{}** (version {}). Written by `aftercare diff --format \
         review`; the change is worked out from the content itself, path by path.\n",
        names.old, r.old_version, names.new, r.new_version
    );
    s.push_str("## 1. The change\n\n");
    s.push_str(&diff_out::markdown(r, names, 3));
    s.push_str("## 2. Hazard log entries the change touches\n\n");
    let hazards = touched_hazards(r, new);
    if hazards.is_empty() {
        s.push_str("The change touches no hazard's controls or outcomes.\n\n");
    } else {
        // One heading level down: the entries sit under this part's heading.
        let entries = format!("\n{}", hazard_entries(new, config, &hazards));
        s.push_str(entries.replace("\n## ", "\n### ").trim_start());
        s.push('\n');
    }
    s.push_str("## 3. The changed outcomes as a person will read them\n\n");
    let (now, gone) = changed_outcomes(r, old, new);
    if now.is_empty() && gone.is_empty() {
        s.push_str(
            "No outcome's wording or level changed, and no path ends or can end at a lower level.\n\n",
        );
    }
    s.push_str(&outcome_handout(new, config, &now));
    if !gone.is_empty() {
        s.push_str("\nRemoved (as they read before the change):\n\n");
        s.push_str(&outcome_handout(old, config, &gone));
    }
    sign_off(&mut s);
    s
}

/// The hazards (indices into `new.hazards`) whose flags, questions or outcomes the change
/// touches.
fn touched_hazards(r: &Report, new: &Tree) -> Vec<usize> {
    let mut outcomes: BTreeSet<&str> = r.outcomes.iter().map(|o| o.id.as_str()).collect();
    for c in r
        .lower
        .iter()
        .chain(&r.rerouted)
        .chain(&r.higher)
        .chain(&r.moved)
        .chain(&r.gone)
    {
        outcomes.insert(&c.old.outcome);
        if let Some(n) = &c.new {
            outcomes.insert(&n.outcome);
        }
    }
    let flags: BTreeSet<&str> = r
        .flags
        .iter()
        .map(|f| match f {
            FlagChange::NotInFamily { flag, .. }
            | FlagChange::NotOnEmergencyScreen { flag }
            | FlagChange::Lower { flag, .. }
            | FlagChange::Removed { flag }
            | FlagChange::AnswerDropped { flag, .. } => flag.split('.').next().unwrap_or(flag),
        })
        .collect();
    let st = &r.structure;
    let mut questions: BTreeSet<&str> = st
        .questions_added
        .iter()
        .chain(&st.questions_removed)
        .map(String::as_str)
        .collect();
    for a in st.answers_added.iter().chain(&st.answers_removed) {
        questions.insert(a.split('=').next().unwrap_or(a));
    }
    new.hazards
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.outcomes
                .iter()
                .any(|&o| outcomes.contains(new.outcomes[o].id.as_str()))
                || h.flags
                    .iter()
                    .any(|&f| flags.contains(new.flags[f].id.as_str()))
                || h.questions
                    .iter()
                    .any(|&q| questions.contains(new.questions[q].id.as_str()))
        })
        .map(|(n, _)| n)
        .collect()
}

/// The outcomes to print in full: those changed or now reached by a lowered path (indices into
/// `new.outcomes`), and those removed (into `old.outcomes`).
fn changed_outcomes(r: &Report, old: &Tree, new: &Tree) -> (Vec<usize>, Vec<usize>) {
    let mut ids: BTreeSet<&str> = r
        .outcomes
        .iter()
        .filter(|o| o.new.is_some())
        .map(|o| o.id.as_str())
        .collect();
    // The outcomes lowered paths now reach, rerouted ones included (they can end lower too).
    ids.extend(
        r.lower
            .iter()
            .chain(&r.rerouted)
            .filter_map(|c| c.new.as_ref())
            .map(|n| n.outcome.as_str()),
    );
    let now = (0..new.outcomes.len())
        .filter(|&o| ids.contains(new.outcomes[o].id.as_str()))
        .collect();
    let removed: BTreeSet<&str> = r
        .outcomes
        .iter()
        .filter(|o| o.new.is_none())
        .map(|o| o.id.as_str())
        .collect();
    let gone = (0..old.outcomes.len())
        .filter(|&o| removed.contains(old.outcomes[o].id.as_str()))
        .collect();
    (now, gone)
}

/// The block the clinician fills in.
fn sign_off(s: &mut String) {
    s.push_str(
        "## 4. Sign-off\n\n\
         I have reviewed the change above: every path that now ends at a lower level, every red \
         flag asked less, and the outcomes as a person will read them.\n\n\
         | | |\n\
         | --- | --- |\n\
         | Clinician (name) | |\n\
         | Role and registration (body and number) | |\n\
         | Date | |\n\
         | Decision (approved / approved with actions / not approved) | |\n\
         | Lower levels accepted (path or outcome ids) | |\n\
         | Actions | |\n\
         | Signature | |\n\n\
         Then record the approval with the content: `aftercare sign --by NAME --role ROLE --note \
         \"review pack\" FOLDER` (docs/clinic-review.md).\n",
    );
}
