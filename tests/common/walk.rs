//! Walking the engine by option label, as a person reads the screens: the vignettes and the
//! atypical presentations share it, so a reworded option breaks both loudly.

use aftercare::content::{NodeRef, Tree};
use aftercare::triage::Session;

/// Answers each walk's labels in turn ("check another symptom" between walks) and returns the
/// session, or what went wrong: a missing label names the question and the labels it has.
pub fn by_labels(tree: &Tree, walks: &[Vec<String>]) -> Result<Session, String> {
    let mut s = Session::new(tree);
    for (w, walk) in walks.iter().enumerate() {
        if w > 0 {
            s.check_another(tree)
                .map_err(|e| format!("walk {w}: cannot check another symptom: {e:?}"))?;
        }
        for label in walk {
            let NodeRef::Question(q) = s.current(tree) else {
                return Err(format!(
                    "walk {w}: reached an outcome before answering {label:?}"
                ));
            };
            let question = &tree.questions[q];
            let i = question
                .options
                .iter()
                .position(|o| &o.label == label)
                .ok_or_else(|| {
                    let labels: Vec<_> = question.options.iter().map(|o| &o.label).collect();
                    format!(
                        "walk {w}: question '{}' has no option {label:?}; it has {labels:?}",
                        question.id
                    )
                })?;
            s.answer(tree, i).map_err(|e| format!("{e:?}"))?;
        }
        if !matches!(s.current(tree), NodeRef::Outcome(_)) {
            return Err(format!("walk {w} ended on a question, not an outcome"));
        }
    }
    Ok(s)
}
