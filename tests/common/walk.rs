//! Walking the engine by answer id (`id = "..."` on each answer in `data/tree.toml`), as a person
//! answers the screens: the vignettes, the atypical presentations and the known gaps share it. A
//! reworded label changes no walk; a removed or renamed answer breaks them loudly, naming the
//! question and the answers it has.

use aftercare::content::{NodeRef, Tree};
use aftercare::triage::Session;

/// Answers each walk's answer ids in turn ("check another symptom" between walks) and returns the
/// session, or what went wrong: a missing id names the question and the answers it has.
pub fn by_ids(tree: &Tree, walks: &[Vec<String>]) -> Result<Session, String> {
    let mut s = Session::new(tree);
    for (w, walk) in walks.iter().enumerate() {
        if w > 0 {
            s.check_another(tree)
                .map_err(|e| format!("walk {w}: cannot check another symptom: {e:?}"))?;
        }
        for id in walk {
            let NodeRef::Question(q) = s.current(tree) else {
                return Err(format!(
                    "walk {w}: reached an outcome before answering {id:?}"
                ));
            };
            let question = &tree.questions[q];
            let i = question
                .options
                .iter()
                .position(|o| &o.id == id)
                .ok_or_else(|| {
                    let answers: Vec<_> = question
                        .options
                        .iter()
                        .map(|o| format!("{} ({})", o.id, o.label))
                        .collect();
                    format!(
                        "walk {w}: question '{}' has no answer {id:?}; it has {answers:?}",
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
