//! `aftercare diff`: each test edits a copy of the real `data/` in a temporary folder, as a
//! clinic editor would, runs the binary on the two folders and checks what a reviewer reads and
//! the exit status. The paths a change lowers are counted here independently, by walking both
//! trees with the engine (`triage::Session`), never with the diff's own walker.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use aftercare::content::{self, Level, NodeRef, Tree};
use aftercare::triage::Session;
use common::aftercare;
use serde_json::Value;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of `data/` in a temporary folder.
fn copy_of_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(data()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Replaces the one occurrence of `from` in `file` of `dir` (after `anchor`, when given) with
/// `to`; fails loudly when the content no longer has it, so the test follows the content.
fn edit(dir: &Path, file: &str, anchor: Option<&str>, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = anchor.map_or(0, |a| {
        text.find(a)
            .unwrap_or_else(|| panic!("{file} has no {a:?}"))
    });
    let i = at
        + text[at..]
            .find(from)
            .unwrap_or_else(|| panic!("{file} has no {from:?} after {anchor:?}"));
    if anchor.is_none() {
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} is not unique in {file}"
        );
    }
    let edited = format!("{}{to}{}", &text[..i], &text[i + from.len()..]);
    std::fs::write(&path, edited).unwrap();
}

fn load(dir: &Path) -> Tree {
    let checked = content::check_path(dir).unwrap();
    assert!(
        checked.tree.is_some(),
        "the edited copy must stay valid content:\n{}",
        checked.lines().join("\n")
    );
    checked.tree.unwrap()
}

fn diff(old: &Path, new: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    args.extend_from_slice(extra);
    aftercare(&args)
}

fn json(old: &Path, new: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = diff(old, new, &args);
    let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, value)
}

/// The keys of a JSON list of path changes.
/// The keys of a JSON list of path changes, sorted (the report lists them most serious first).
fn keys(v: &Value, list: &str) -> Vec<String> {
    let mut keys: Vec<String> = v["report"][list]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

/// Every walk from where `s` is, by the engine: `question=answer/...` to the outcome's level
/// and id.
fn endings(tree: &Tree, s: &Session, prefix: &str, out: &mut BTreeMap<String, (Level, String)>) {
    match s.current(tree) {
        NodeRef::Outcome(o) => {
            let o = &tree.outcomes[o];
            out.insert(prefix.to_string(), (o.level, o.id.clone()));
        }
        NodeRef::Question(q) => {
            for (i, a) in tree.questions[q].options.iter().enumerate() {
                let mut next = s.clone();
                next.answer(tree, i).unwrap();
                let step = format!("{}={}", tree.questions[q].id, a.id);
                let key = if prefix.is_empty() || prefix.ends_with('+') {
                    format!("{prefix}{step}")
                } else {
                    format!("{prefix}/{step}")
                };
                endings(tree, &next, &key, out);
            }
        }
    }
}

/// Every first check of a tree, by the engine.
fn first_checks(tree: &Tree) -> BTreeMap<String, (Level, String)> {
    let mut out = BTreeMap::new();
    endings(tree, &Session::new(tree), "", &mut out);
    out
}

/// The keys whose level is lower in `new` than in `old`.
fn lowered(
    old: &BTreeMap<String, (Level, String)>,
    new: &BTreeMap<String, (Level, String)>,
) -> Vec<String> {
    old.iter()
        .filter(|(k, (l, _))| new.get(*k).is_some_and(|(n, _)| n < l))
        .map(|(k, _)| k.clone())
        .collect()
}

#[test]
fn the_same_content_reports_no_change_and_exits_0() {
    let (code, out, err) = diff(&data(), &data(), &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no change"), "{out}");
    let paths = first_checks(&load(&data())).len();
    assert!(paths > 300, "only {paths} paths");
    let summary = out.lines().last().unwrap();
    assert!(summary.contains(" 0 down (0 accepted), 0 up,"), "{summary}");
    let (_, v) = json(&data(), &data(), &[]);
    let compared = v["report"]["paths_compared"].as_u64().unwrap() as usize;
    assert!(
        compared >= paths,
        "{compared} compared, {paths} first checks"
    );
}

#[test]
fn a_dash_is_the_built_in_content() {
    // The binary's content is data/ as it was built: the same paths.
    let (code, out, err) = aftercare(&["diff", "-", data().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("aftercare diff: built-in content ("),
        "{out}"
    );
    assert!(out.contains("no change"), "{out}");
    let copy = copy_of_data();
    illness_answer_to_expected(copy.path());
    let (code, out, _) = aftercare(&["diff", "-", copy.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
}

/// `illness_last` (the last question of the illness route, after its general danger signs) is
/// reached from several branches: pointing its "none" answer at an expected outcome lowers a path
/// through each.
fn illness_answer_to_expected(dir: &Path) {
    edit(
        dir,
        "tree.toml",
        Some("[question.illness_last]"),
        "{ id = \"none\", label = \"No, none of these\", next = \"doc_not_massage\"",
        "{ id = \"none\", label = \"No, none of these\", next = \"exp_flu_ish\"",
    );
}

#[test]
fn an_answer_pointed_at_an_expected_outcome_reports_exactly_the_paths_that_changed() {
    let copy = copy_of_data();
    illness_answer_to_expected(copy.path());
    let expected = lowered(
        &first_checks(&load(&data())),
        &first_checks(&load(copy.path())),
    );
    assert!(expected.len() >= 2, "{expected:?}");

    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(keys(&v, "lower"), expected);
    assert_eq!(v["refused"], expected.len());
    for p in v["report"]["lower"].as_array().unwrap() {
        assert_eq!(p["old"]["outcome"], "doc_not_massage");
        assert_eq!(p["old"]["level"], "doctor");
        assert_eq!(p["new"]["outcome"], "exp_flu_ish");
        assert_eq!(p["new"]["level"], "expected");
    }

    let (code, out, _) = diff(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    let head = format!("error: {} paths now end at a lower level", expected.len());
    assert!(out.contains(&head), "{out}");
    // Each step as "question id: answer label".
    assert!(
        out.contains("      illness_last: No, none of these"),
        "{out}"
    );
    assert!(out.contains("was doctor    doc_not_massage"), "{out}");
    assert!(out.contains("now expected  exp_flu_ish"), "{out}");
}

#[test]
fn accept_lower_names_an_outcome_or_a_path() {
    let copy = copy_of_data();
    illness_answer_to_expected(copy.path());
    let (code, out, _) = diff(&data(), copy.path(), &["--accept-lower", "exp_flu_ish"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("accepted emergency_screen=none/"), "{out}");

    let (_, v) = json(&data(), copy.path(), &[]);
    let keys = keys(&v, "lower");
    // One path accepted by its name, the other still refused.
    let (code, v) = json(&data(), copy.path(), &["--accept-lower", &keys[0]]);
    assert_eq!(code, 1);
    assert_eq!(v["refused"], keys.len() - 1);
    let all: Vec<&str> = keys.iter().flat_map(|k| ["--accept-lower", k]).collect();
    let (code, _) = json(&data(), copy.path(), &all);
    assert_eq!(code, 0);
    // A pattern that names no step boundary accepts nothing.
    let (code, _) = json(&data(), copy.path(), &["--accept-lower", "emergency_scr"]);
    assert_eq!(code, 1);
}

#[test]
fn a_lowered_outcome_level_lowers_every_path_that_ends_there() {
    let copy = copy_of_data();
    edit(
        copy.path(),
        "tree.toml",
        Some("[outcome.doc_soreness]"),
        "level = \"doctor\"",
        "level = \"therapist\"",
    );
    let old = first_checks(&load(&data()));
    let ending_there: Vec<String> = old
        .iter()
        .filter(|(_, (_, id))| id == "doc_soreness")
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(
        lowered(&old, &first_checks(&load(copy.path()))),
        ending_there
    );

    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    let firsts: Vec<String> = keys(&v, "lower")
        .into_iter()
        .filter(|k| !k.contains('+'))
        .collect();
    assert_eq!(firsts, ending_there);
    let (_, out, _) = diff(&data(), copy.path(), &[]);
    assert!(
        out.contains("  ~ doc_soreness (doctor → therapist)"),
        "{out}"
    );
}

#[test]
fn a_removed_red_flag_answer_is_reported_with_its_flag_and_its_path() {
    let copy = copy_of_data();
    // "stroke" stays on the screen through the face-drooping answer, so the content is valid.
    let path = copy.path().join("tree.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("{ id = \"sudden_loss_sight\""))
        .collect();
    assert_eq!(kept.len() + 1, text.lines().count());
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();

    let (code, out, _) = diff(&data(), copy.path(), &[]);
    // The person with sudden sight loss now picks another answer on that screen, and some of
    // them end lower: the path is lower, and refused unless accepted.
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("warning: red flags asked less"), "{out}");
    assert!(
        out.contains("the answer 'emergency_screen=sudden_loss_sight'")
            && out.contains("no longer reports the red flag 'stroke'"),
        "{out}"
    );
    assert!(
        out.contains("answers removed: emergency_screen=sudden_loss_sight"),
        "{out}"
    );
    let (_, v) = json(&data(), copy.path(), &[]);
    assert_eq!(keys(&v, "gone"), Vec::<String>::new());
    let lower = v["report"]["lower"].as_array().unwrap();
    assert_eq!(lower.len(), 1, "{lower:?}");
    assert_eq!(lower[0]["key"], "emergency_screen=sudden_loss_sight");
    assert_eq!(lower[0]["old"]["level"], "emergency");
    assert!(
        lower[0]["new_key"]
            .as_str()
            .unwrap()
            .starts_with("emergency_screen=none/"),
        "{}",
        lower[0]
    );
    // Accepted by name, it no longer fails.
    let (code, out, _) = diff(
        &data(),
        copy.path(),
        &["--accept-lower", "emergency_screen=sudden_loss_sight"],
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_renamed_answer_is_judged_by_every_answer_its_person_could_now_pick() {
    let copy = copy_of_data();
    // The strain screen's 'Not sure' gets another id. Ids are the answers' names: the diff cannot
    // tell a rename from a removal, so a person who said "not sure" is judged by every answer
    // the screen offers now, some of them milder than the emergency it led to.
    edit(
        copy.path(),
        "tree.toml",
        Some("[question.strain_kind]"),
        "{ id = \"not_sure\", label = \"Not sure\", next = \"emg_fracture\", not_sure = true }",
        "{ id = \"unsure\", label = \"Not sure\", next = \"emg_fracture\", not_sure = true }",
    );
    load(copy.path());
    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1, "{v}");
    let lower = keys(&v, "lower");
    assert!(!lower.is_empty());
    assert!(
        lower.iter().all(|k| k.ends_with("strain_kind=not_sure")),
        "{lower:?}"
    );
}

#[test]
fn a_moved_question_and_reordered_answers_keep_every_level() {
    let copy = copy_of_data();
    let path = copy.path().join("tree.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Move the whole [question.sore_when] table to the end of the file.
    let start = text.find("[question.sore_when]").unwrap();
    let end = start + text[start..].find("\n]\n").unwrap() + 3;
    let table = &text[start..end];
    let mut moved = format!("{}{}\n{table}", &text[..start], &text[end..]);
    // And swap two of its answers.
    let a = "  { id = \"day_4_6_bit_better\"";
    let b = "  { id = \"day_0_3_stronger\"";
    let la = moved
        .lines()
        .find(|l| l.starts_with(a))
        .unwrap()
        .to_string();
    let lb = moved
        .lines()
        .find(|l| l.starts_with(b))
        .unwrap()
        .to_string();
    moved = moved
        .replace(&la, "\u{0}")
        .replace(&lb, &la)
        .replace('\u{0}', &lb);
    assert_ne!(moved, text);
    std::fs::write(&path, moved).unwrap();
    let new = load(copy.path());
    let q = new
        .questions
        .iter()
        .position(|q| q.id == "sore_when")
        .unwrap();
    assert_ne!(
        Some(q),
        load(&data())
            .questions
            .iter()
            .position(|q| q.id == "sore_when"),
        "the question moved"
    );

    let (code, out, _) = diff(&data(), copy.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no change"), "{out}");
    assert!(out.contains(" 0 down (0 accepted), 0 up,"), "{out}");
}

#[test]
fn a_fact_no_longer_told_lowers_the_later_checks_its_route_raised() {
    let copy = copy_of_data();
    // "Sleepy or relaxed" no longer tells the fact `sleepy`: after it, a mild headache following
    // a knock to the head is no longer sent to A&E.
    edit(
        copy.path(),
        "tree.toml",
        Some("{ id = \"sleepy_relaxed\""),
        "sets = [\"sleepy\"], ",
        "",
    );
    let (old, new) = (load(&data()), load(copy.path()));
    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    let reported = keys(&v, "lower");
    assert!(!reported.is_empty());
    // Every lowered path is a second check after the same first check (which told `sleepy`).
    let first = reported[0].split('+').next().unwrap().to_string();
    assert!(first.contains("sleepy_relaxed"), "{first}");
    assert!(reported.iter().all(|k| k.starts_with(&format!("{first}+"))));
    // Counted independently: every second check after that first one, walked by the engine.
    let second = |tree: &Tree| {
        let answers: Vec<Vec<String>> = vec![
            first
                .split('/')
                .map(|s| s.split('=').nth(1).unwrap().to_string())
                .collect(),
        ];
        let mut s = common::walk::by_ids(tree, &answers).unwrap();
        s.check_another(tree).unwrap();
        let mut out = BTreeMap::new();
        endings(tree, &s, &format!("{first}+"), &mut out);
        out
    };
    assert_eq!(reported, lowered(&second(&old), &second(&new)));
    let p = &v["report"]["lower"][0];
    assert_eq!(p["facts"], serde_json::json!(["sleepy"]));
    assert_eq!(p["old"]["outcome"], "emg_head_knock_ae");
    let (_, out, _) = diff(&data(), copy.path(), &[]);
    assert!(
        out.contains("after a first check that told: sleepy"),
        "{out}"
    );
}

/// An urgent outcome's first safety-net line with one word changed; the outcome's id and the
/// word before and after.
fn reword_safety_net(dir: &Path) -> (String, String, String) {
    let tree = load(dir);
    let o = tree
        .outcomes
        .iter()
        .find(|o| {
            o.level == Level::Urgent
                && o.watch[0].contains(" or ")
                && tree
                    .hazards
                    .iter()
                    .any(|h| h.outcomes.iter().any(|&x| tree.outcomes[x].id == o.id))
        })
        .unwrap();
    let line = &o.watch[0];
    edit(
        dir,
        "tree.toml",
        Some(&format!("[outcome.{}]", o.id)),
        line,
        &line.replacen(" or ", " and ", 1),
    );
    (o.id.clone(), "or".into(), "and".into())
}

#[test]
fn a_reworded_safety_net_line_is_shown_with_its_word_diff() {
    let copy = copy_of_data();
    let (id, was, now) = reword_safety_net(copy.path());
    let (code, out, _) = diff(&data(), copy.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("  ~ {id} (urgent)")), "{out}");
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("safety net:"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains(&format!("[-{was}-]{{+{now}+}}")), "{line}");
    assert!(out.contains("1 outcome changed wording"), "{out}");

    let (_, v) = json(&data(), copy.path(), &[]);
    let lines = &v["report"]["outcomes"][0]["lines"];
    assert_eq!(lines[0]["part"], "watch");
    let ops = lines[0]["words"].as_array().unwrap();
    assert!(
        ops.contains(&serde_json::json!({"op": "removed", "text": was})),
        "{ops:?}"
    );
    assert!(
        ops.contains(&serde_json::json!({"op": "added", "text": now})),
        "{ops:?}"
    );

    let (_, md, _) = diff(&data(), copy.path(), &["--format", "markdown"]);
    assert!(md.starts_with("# Content change: "), "{md}");
    assert!(md.contains("## Outcomes removed or changed"), "{md}");
    assert!(md.contains(&format!("~~{was}~~ **{now}**")), "{md}");
}

#[test]
fn markdown_lists_every_lowered_path_with_its_steps() {
    let copy = copy_of_data();
    illness_answer_to_expected(copy.path());
    let (code, md, _) = diff(&data(), copy.path(), &["--format", "markdown"]);
    assert_eq!(code, 1);
    let (_, v) = json(&data(), copy.path(), &[]);
    let lower = keys(&v, "lower");
    assert!(
        md.contains(&format!("## Paths now at a lower level ({})", lower.len())),
        "{md}"
    );
    for k in &lower {
        assert!(md.contains(&format!("- `{k}`")), "{k} missing:\n{md}");
    }
    assert!(md.contains("  - now **expected** `exp_flu_ish`"), "{md}");
    assert!(md.contains("**summary:**"), "{md}");
}

#[test]
fn the_review_pack_has_the_change_the_hazards_it_touches_the_outcome_and_a_sign_off() {
    let copy = copy_of_data();
    let (id, ..) = reword_safety_net(copy.path());
    let out_file = copy.path().join("review.md");
    let (code, _, err) = diff(
        &data(),
        copy.path(),
        &["--format", "review", "-o", out_file.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("summary:"), "{err}");
    let pack = std::fs::read_to_string(&out_file).unwrap();
    let tree = load(&data());
    for section in [
        "## 1. The change",
        "## 2. Hazard log entries the change touches",
        "## 3. The changed outcomes as a person will read them",
        "## 4. Sign-off",
        "| Clinician (name) | |",
    ] {
        assert!(pack.contains(section), "{section} missing:\n{pack}");
    }
    let touched: Vec<_> = tree
        .hazards
        .iter()
        .filter(|h| h.outcomes.iter().any(|&o| tree.outcomes[o].id == id))
        .collect();
    assert!(!touched.is_empty());
    for h in &touched {
        assert!(
            pack.contains(&format!("- **Id:** `{}`", h.id)),
            "{} missing",
            h.id
        );
    }
    // Only those: the change names no flag or question.
    assert_eq!(pack.matches("- **Id:** `").count(), touched.len());
    // The outcome in full, as the handout prints it (its id line), with the new wording.
    assert!(pack.contains(&format!("`{id}`")), "{pack}");
    assert!(pack.contains("[-or-]") || pack.contains("~~or~~"), "{pack}");
}

#[test]
fn refused_content_exits_2_with_the_checks_file_line_and_column() {
    let copy = copy_of_data();
    edit(
        copy.path(),
        "tree.toml",
        Some("[outcome.doc_soreness]"),
        "level = \"doctor\"",
        "level = \"docter\"",
    );
    let (code, out, err) = diff(&data(), copy.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    let line = std::fs::read_to_string(copy.path().join("tree.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("\"docter\""))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("tree.toml:{line}:")), "{err}");
    assert!(err.contains("the content has errors"), "{err}");
    let (code, _, err) = aftercare(&["diff", data().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("give two content folders"), "{err}");
}

#[test]
fn git_compares_the_committed_folder_with_the_working_one() {
    let repo = tempfile::tempdir().unwrap();
    let folder = repo.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    let copy = copy_of_data();
    for entry in std::fs::read_dir(copy.path()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
    }
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(repo.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "content"]);
    illness_answer_to_expected(&folder);
    let (code, out, err) = aftercare(&["diff", "--git", "HEAD", folder.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!("{} at HEAD", folder.display())),
        "{out}"
    );
    assert!(out.contains("now expected  exp_flu_ish"), "{out}");
    let (code, _, err) = aftercare(&["diff", "--git", "no-such-rev", folder.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-rev"), "{err}");
}

#[test]
fn a_question_added_on_the_way_is_judged_by_the_lowest_answer_to_it() {
    let copy = copy_of_data();
    // "Day 7 or later" now asks one more question, one answer of which is "normal".
    edit(
        copy.path(),
        "tree.toml",
        Some("[question.sore_when]"),
        "next = \"doc_soreness\"",
        "next = \"sore_extra\"",
    );
    let path = copy.path().join("tree.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[question.sore_extra]\ntext = \"Is it easing now?\"\noptions = [\n  \
         { id = \"easing\", label = \"Yes, it is easing\", next = \"exp_soreness\" },\n  \
         { id = \"not_easing\", label = \"No\", next = \"doc_soreness\" },\n]\n",
    );
    std::fs::write(&path, text).unwrap();
    load(copy.path());
    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    let lower = v["report"]["lower"].as_array().unwrap();
    assert!(!lower.is_empty());
    for p in lower {
        assert!(
            p["key"]
                .as_str()
                .unwrap()
                .ends_with("sore_when=day_7_later_day")
        );
        assert!(
            p["new_key"]
                .as_str()
                .unwrap()
                .ends_with("sore_when=day_7_later_day/sore_extra=easing"),
            "{p}"
        );
        assert_eq!(p["new"]["outcome"], "exp_soreness");
    }
    assert_eq!(
        v["report"]["structure"]["questions_added"],
        serde_json::json!(["sore_extra"])
    );
    // The other answer is a new path for each old one.
    assert_eq!(v["report"]["new_paths"], lower.len());
}

#[test]
fn a_short_cut_added_before_an_old_question_is_a_lower_path_not_hidden() {
    let copy = copy_of_data();
    // "A fall, a knock, a cut…" now asks a gate first: one answer goes on to the old injury
    // questions, the other skips them all to "normal".
    edit(
        copy.path(),
        "tree.toml",
        Some("{ id = \"fall_knock_cut\""),
        "next = \"fall_danger\"",
        "next = \"fall_gate\"",
    );
    let path = copy.path().join("tree.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[question.fall_gate]\ntext = \"Is it only a small bump?\"\noptions = [\n  \
         { id = \"other\", label = \"No\", next = \"fall_danger\" },\n  \
         { id = \"minor\", label = \"Yes, just a small bump\", next = \"exp_soreness\" },\n]\n",
    );
    std::fs::write(&path, text).unwrap();
    load(copy.path());
    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1, "{v}");
    let lower = v["report"]["lower"].as_array().unwrap();
    let through: Vec<&Value> = lower
        .iter()
        .filter(|p| p["key"].as_str().unwrap().contains("=fall_knock_cut/"))
        .collect();
    // Every old injury path that ended above "expected" is now lower, by the short cut.
    assert!(!through.is_empty(), "{v}");
    for p in &through {
        assert_eq!(p["new"]["outcome"], "exp_soreness", "{p}");
        assert!(
            p["new_key"].as_str().unwrap().ends_with("fall_gate=minor"),
            "{p}"
        );
    }
}

/// "It began before the massage..." (soreness) now leads to `to` instead of the strain questions.
fn strain_answer_to(dir: &Path, to: &str) {
    edit(
        dir,
        "tree.toml",
        Some("{ id = \"began_before_massage\""),
        "next = \"strain_kind\"",
        &format!("next = \"{to}\""),
    );
}

#[test]
fn a_branch_that_now_ends_sooner_lowers_the_paths_that_went_on_above_it() {
    let copy = copy_of_data();
    strain_answer_to(copy.path(), "ther_soreness");
    let old = first_checks(&load(&data()));
    load(copy.path());
    let (prefix, _) = old
        .keys()
        .find_map(|k| k.split_once("sore_when=began_before_massage/"))
        .unwrap();
    let through = format!("{prefix}sore_when=began_before_massage/");
    let expected: Vec<String> = old
        .iter()
        .filter(|(k, (l, _))| k.starts_with(&through) && *l > Level::Therapist)
        .map(|(k, _)| k.clone())
        .collect();
    assert!(!expected.is_empty());
    let (code, v) = json(&data(), copy.path(), &[]);
    assert_eq!(code, 1);
    let firsts: Vec<String> = keys(&v, "lower")
        .into_iter()
        .filter(|k| !k.contains('+'))
        .collect();
    assert_eq!(firsts, expected);
    for p in v["report"]["lower"].as_array().unwrap() {
        assert_eq!(p["new"]["outcome"], "ther_soreness");
    }
    assert_eq!(v["report"]["rerouted"], serde_json::json!([]));
}

#[test]
fn a_branch_that_now_asks_other_questions_is_a_warning_with_the_lowest_it_can_reach() {
    let copy = copy_of_data();
    strain_answer_to(copy.path(), "sore_severe");
    load(copy.path());
    let (code, out, _) = diff(&data(), copy.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("paths now ask other questions and can end lower"),
        "{out}"
    );
    let (_, v) = json(&data(), copy.path(), &[]);
    assert_eq!(v["report"]["lower"], serde_json::json!([]));
    // The review pack shows the outcomes they can now reach, and never says none can end lower.
    let out_file = copy.path().join("review.md");
    let (_, _, err) = diff(
        &data(),
        copy.path(),
        &["--format", "review", "-o", out_file.to_str().unwrap()],
    );
    let pack = std::fs::read_to_string(&out_file).expect(&err);
    assert!(!pack.contains("no path ends"), "{pack}");
    for r in v["report"]["rerouted"].as_array().unwrap() {
        let title = r["new"]["title"].as_str().unwrap();
        let part3 = pack.split("## 3.").nth(1).unwrap();
        assert!(part3.contains(title), "{title} missing:\n{part3}");
    }
    let rerouted = keys(&v, "rerouted");
    assert!(!rerouted.is_empty());
    for k in &rerouted {
        assert!(
            k.contains("sore_when=began_before_massage/strain_kind="),
            "{k}"
        );
    }
}

/// A copy of the bilingual fixture, its English and its translation (`es/`), in a temporary
/// folder.
fn copy_of_bilingual() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("es")).unwrap();
    for sub in ["", "es"] {
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "toml") {
                let to = dir.path().join(sub).join(path.file_name().unwrap());
                std::fs::copy(&path, to).unwrap();
            }
        }
    }
    dir
}

/// The line of the first `what` after `anchor` in `file` of `dir`.
fn line_of(dir: &Path, file: &str, anchor: &str, what: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let at = text.find(anchor).unwrap();
    let i = at + text[at..].find(what).unwrap();
    text[..i].matches('\n').count() + 1
}

/// A content change to a folder with a translation: the English safety-net line that changed
/// while its Spanish did not is reported stale, with the Spanish file and line a reviewer opens;
/// the Spanish texts that changed are listed with their word diff; a field the translation
/// copies from the English (`next`) is no text.
#[test]
fn a_translation_reports_its_changed_texts_and_the_english_that_changed_without_it() {
    let old = copy_of_bilingual();
    let new = copy_of_bilingual();
    let (o, n) = (old.path(), new.path());
    // English only: the stale one.
    let hives = "[outcome.hives_today]";
    edit(
        n,
        "tree.toml",
        Some(hives),
        "lips or throat",
        "lips, tongue or throat",
    );
    // Both languages: a Spanish text changed, and its English with it (not stale).
    let doctor = "[outcome.see_doctor]";
    edit(
        n,
        "tree.toml",
        Some(doctor),
        "in the next day or two",
        "within two days",
    );
    edit(
        n,
        "es/tree.toml",
        Some(doctor),
        "en uno o dos días",
        "en dos días",
    );
    // Spanish only: a reworded question.
    edit(
        n,
        "es/tree.toml",
        None,
        "¿Está mejor cada día?",
        "¿Mejora cada día?",
    );
    // A field copied from the English, changed in both: a path, never a text.
    let fading = "id = \"yes_fading\"";
    for f in ["tree.toml", "es/tree.toml"] {
        let text = std::fs::read_to_string(n.join(f)).unwrap();
        let line = text.lines().find(|l| l.contains(fading)).unwrap();
        let to = line.replace("next = \"flush_ok\"", "next = \"hives_today\"");
        std::fs::write(n.join(f), text.replace(line, &to)).unwrap();
    }
    load(n);

    let (code, out, err) = diff(o, n, &[]);
    assert_eq!(code, 0, "{out}\n{err}");
    let es_hives = line_of(n, "es/tree.toml", hives, "watch");
    let en_hives = line_of(n, "tree.toml", hives, "watch");
    assert!(
        out.contains("warning: 1 Spanish text stale: the English changed, the Spanish did not"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "es/tree.toml:{es_hives}  outcome.hives_today.watch[0]"
        )),
        "{out}"
    );
    let english = out
        .lines()
        .find(|l| l.contains(&format!("English ({}", n.join("tree.toml").display())))
        .unwrap_or_else(|| panic!("no English line:\n{out}"));
    assert!(
        english.ends_with(&format!(
            "tree.toml:{en_hives}): Call {{emergency}} if your [-lips-]{{+lips, tongue+}} or throat swell."
        )),
        "the English line with its word diff: {english}"
    );
    assert!(
        out.contains("Spanish, unchanged: Llame al {emergency} si se le hinchan los labios"),
        "{out}"
    );
    assert!(out.contains("Spanish texts changed (2)"), "{out}");
    let es_q = line_of(n, "es/tree.toml", "[question.sore_day]", "text");
    assert!(
        out.contains(&format!("es/tree.toml:{es_q}  question.sore_day.text: ")),
        "{out}"
    );
    assert!(out.contains("outcome.see_doctor.now[0]"), "{out}");
    assert!(!out.contains(".next"), "a copied field is no text:\n{out}");
    assert!(
        out.contains("2 Spanish texts changed, 1 stale Spanish text"),
        "{out}"
    );

    let (_, v) = json(o, n, &[]);
    let t = &v["report"]["translations"][0];
    assert_eq!(t["lang"], "es");
    assert_eq!(t["stale"].as_array().unwrap().len(), 1);
    assert_eq!(t["stale"][0]["key"], "outcome.hives_today.watch[0]");
    assert!(
        t["stale"][0]["at"]
            .as_str()
            .unwrap()
            .ends_with(&format!("es/tree.toml:{es_hives}"))
    );
    assert_eq!(
        t["stale"][0]["new_english"],
        "Call {emergency} if your lips, tongue or throat swell."
    );
    let changed: Vec<&str> = t["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        changed,
        ["outcome.see_doctor.now[0]", "question.sore_day.text"]
    );

    let (_, md, _) = diff(o, n, &["--format", "markdown"]);
    assert!(
        md.contains("## Spanish texts gone stale: the English changed, the Spanish did not"),
        "{md}"
    );
    assert!(md.contains("## Spanish texts changed"), "{md}");
}

/// A translation that the old version did not have is new: read whole, not line by line; and
/// the same folder twice has nothing to say about its translation.
#[test]
fn a_new_translation_is_said_to_be_new_and_an_unchanged_one_says_nothing() {
    let new = copy_of_bilingual();
    let old = copy_of_bilingual();
    std::fs::remove_dir_all(old.path().join("es")).unwrap();
    let (code, out, _) = diff(old.path(), new.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("note: the Spanish translation is new: read it whole"),
        "{out}"
    );
    let (code, out, _) = diff(new.path(), new.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no change"), "{out}");
    assert!(!out.contains("Spanish"), "{out}");
}
