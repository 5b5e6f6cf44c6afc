//! The diff report written out: for people (coloured on a terminal, like `check`), as Markdown
//! for a review record, and as JSON for a clinic's tools. Most serious first: lower levels, red
//! flags, translated texts gone stale, outcomes, translated texts changed, higher levels, the
//! rest, then the summary line.

use std::fmt::Write;
use std::io::IsTerminal;

use aftercare::diff::{
    FlagChange, LineChange, OutcomeChange, PathChange, Report, TextChange, TranslationChange,
    WordOp,
};

/// The two versions compared, as they are named in the report.
pub struct Names {
    pub old: String,
    pub new: String,
}

/// The number of paths listed per section for people; Markdown and JSON list every one.
const SHOWN: usize = 12;

/// Whether standard output may use colour (a terminal, and no NO_COLOR).
pub fn stdout_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// ANSI colour, or nothing.
struct Paint(bool);

impl Paint {
    fn with(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn red(&self, t: &str) -> String {
        self.with("1;31", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.with("1;33", t)
    }
    fn green(&self, t: &str) -> String {
        self.with("32", t)
    }
    fn bold(&self, t: &str) -> String {
        self.with("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.with("2", t)
    }
}

/// "1 path", "2 paths".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The last line: paths compared, down (accepted), up, outcomes reworded, and the rest.
pub fn summary_line(r: &Report, markdown: bool) -> String {
    let accepted = r.lower.len() - r.refused();
    let star = if markdown { "**" } else { "" };
    let parts = [
        format!("{} compared", counted(r.paths_compared, "path", "paths")),
        format!("{} down ({accepted} accepted)", r.lower.len()),
        format!("{} up", r.higher.len()),
        format!(
            "{} changed wording",
            counted(r.reworded(), "outcome", "outcomes")
        ),
        counted(r.flags.len(), "red flag change", "red flag changes"),
        format!("{} rerouted lower", r.rerouted.len()),
        counted(r.gone.len(), "path gone", "paths gone"),
        counted(r.new_paths, "new path", "new paths"),
    ];
    let mut parts = parts.to_vec();
    for t in r.translations.iter().filter(|t| !t.is_empty()) {
        let lang = lang_name(&t.lang);
        parts.push(format!(
            "{} changed",
            counted(
                t.changed.len(),
                &format!("{lang} text"),
                &format!("{lang} texts")
            )
        ));
        parts.push(counted(
            t.stale.len(),
            &format!("stale {lang} text"),
            &format!("stale {lang} texts"),
        ));
    }
    format!("{star}summary:{star} {}\n", parts.join(", "))
}

/// The report for people.
pub fn text(r: &Report, names: &Names, color: bool) -> String {
    let p = Paint(color);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} ({}) → {} ({})\n",
        p.bold("aftercare diff:"),
        names.old,
        r.old_version,
        names.new,
        r.new_version
    );
    if r.is_empty() {
        s.push_str("no change: every path ends where it did, in the same words\n");
    }
    if !r.lower.is_empty() {
        let head = format!(
            "error: {} at a lower level",
            counted(r.lower.len(), "path now ends", "paths now end")
        );
        let _ = writeln!(s, "{}", p.red(&head));
        for c in &r.lower {
            let mark = if c.accepted {
                p.yellow("accepted")
            } else {
                p.red("×")
            };
            text_path(&mut s, &p, c, &mark);
        }
        s.push('\n');
    }
    if !r.rerouted.is_empty() {
        let head = format!(
            "warning: {} other questions and can end lower (by the lowest answers to them)",
            counted(r.rerouted.len(), "path now asks", "paths now ask")
        );
        let _ = writeln!(s, "{}", p.yellow(&head));
        for c in r.rerouted.iter().take(SHOWN) {
            text_path(&mut s, &p, c, "?");
        }
        more(&mut s, &p, r.rerouted.len());
        s.push('\n');
    }
    if !r.flags.is_empty() {
        let _ = writeln!(s, "{}", p.yellow("warning: red flags asked less"));
        for f in &r.flags {
            let _ = writeln!(s, "  ! {}", flag_line(f, false));
        }
        s.push('\n');
    }
    for t in &r.translations {
        text_stale(&mut s, &p, t);
    }
    if !r.outcomes.is_empty() {
        let _ = writeln!(s, "{}", p.bold("outcomes removed or changed"));
        for o in &r.outcomes {
            text_outcome(&mut s, &p, o);
        }
        s.push('\n');
    }
    for t in &r.translations {
        text_translated(&mut s, &p, t);
    }
    let lists = [
        ("paths now at a higher level", &r.higher, "↑"),
        ("paths at another outcome of the same level", &r.moved, "→"),
        ("paths gone (an answer on them was removed)", &r.gone, "-"),
    ];
    for (head, list, mark) in lists {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{} ({})", p.bold(head), list.len());
        for c in list.iter().take(SHOWN) {
            text_path(&mut s, &p, c, mark);
        }
        more(&mut s, &p, list.len());
        s.push('\n');
    }
    for (name, ids) in r.structure.lists() {
        if !ids.is_empty() {
            let _ = writeln!(s, "{} {}", p.bold(&format!("{name}:")), ids.join(", "));
        }
    }
    if !r.structure.is_empty() {
        s.push('\n');
    }
    s.push_str(&summary_line(r, false));
    s
}

/// A translation's language by its code, in the report's words.
fn lang_name(code: &str) -> String {
    match code {
        "es" => "Spanish".into(),
        other => format!("'{other}'"),
    }
}

/// A text's change as a line change, to be written as the outcomes' lines are.
fn as_line(old: &str, new: &str, words: &[WordOp]) -> LineChange {
    LineChange {
        part: "",
        old: Some(old.to_string()),
        new: Some(new.to_string()),
        words: words.to_vec(),
    }
}

/// The translated texts whose English changed while they did not: each with where the
/// translation is, the English's word diff, and the translation as it stands.
fn text_stale(s: &mut String, p: &Paint, t: &TranslationChange) {
    let lang = lang_name(&t.lang);
    if t.new_translation {
        let head = format!("note: the {lang} translation is new: read it whole");
        let _ = writeln!(s, "{}\n", p.yellow(&head));
    }
    if t.stale.is_empty() {
        return;
    }
    let head = format!(
        "warning: {} stale: the English changed, the {lang} did not",
        counted(
            t.stale.len(),
            &format!("{lang} text"),
            &format!("{lang} texts")
        )
    );
    let _ = writeln!(s, "{}", p.yellow(&head));
    for c in &t.stale {
        let _ = writeln!(s, "  ! {}  {}", c.at, p.dim(&c.key));
        let english = line_text(p, &as_line(&c.old_english, &c.new_english, &c.words));
        let _ = writeln!(s, "      English ({}): {english}", c.english_at);
        let _ = writeln!(s, "      {lang}, unchanged: {}", c.new_text);
    }
    s.push('\n');
}

/// The translated texts that changed, each with where it is and its word diff.
fn text_translated(s: &mut String, p: &Paint, t: &TranslationChange) {
    if t.changed.is_empty() {
        return;
    }
    let lang = lang_name(&t.lang);
    let _ = writeln!(
        s,
        "{} ({})",
        p.bold(&format!("{lang} texts changed")),
        t.changed.len()
    );
    for c in &t.changed {
        let words = line_text(p, &as_line(&c.old_text, &c.new_text, &c.words));
        let _ = writeln!(s, "  ~ {}  {}: {words}", c.at, p.dim(&c.key));
    }
    s.push('\n');
}

/// [`text_stale`] in Markdown.
fn md_stale(s: &mut String, h: &str, t: &TranslationChange) {
    let lang = lang_name(&t.lang);
    if t.new_translation {
        let _ = writeln!(s, "{h} The {lang} translation is new\n\nRead it whole.\n");
    }
    if t.stale.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "{h} {lang} texts gone stale: the English changed, the {lang} did not\n"
    );
    for c in &t.stale {
        md_text(s, c, &lang, true);
    }
    s.push('\n');
}

/// [`text_translated`] in Markdown.
fn md_translated(s: &mut String, h: &str, t: &TranslationChange) {
    if t.changed.is_empty() {
        return;
    }
    let lang = lang_name(&t.lang);
    let _ = writeln!(s, "{h} {lang} texts changed\n");
    for c in &t.changed {
        md_text(s, c, &lang, false);
    }
    s.push('\n');
}

fn md_text(s: &mut String, c: &TextChange, lang: &str, stale: bool) {
    let _ = writeln!(s, "- `{}` `{}`", c.at, c.key);
    if stale {
        let english = md_words(&as_line(&c.old_english, &c.new_english, &c.words));
        let _ = writeln!(s, "  - English (`{}`): {english}", c.english_at);
        let _ = writeln!(s, "  - {lang}, unchanged: {}", c.new_text);
    } else {
        let words = md_words(&as_line(&c.old_text, &c.new_text, &c.words));
        let _ = writeln!(s, "  - {words}");
    }
}

/// "… and 3 more" after a list cut at [`SHOWN`].
fn more(s: &mut String, p: &Paint, n: usize) {
    if n > SHOWN {
        let more = format!("  … and {} more (--format markdown lists all)", n - SHOWN);
        let _ = writeln!(s, "{}", p.dim(&more));
    }
}

fn text_path(s: &mut String, p: &Paint, c: &PathChange, mark: &str) {
    let _ = writeln!(s, "  {mark} {}", p.bold(&c.key));
    if !c.earlier.is_empty() {
        let _ = writeln!(
            s,
            "      after a first check that told: {}",
            c.facts.join(", ")
        );
    }
    for step in c.earlier.iter().chain(&c.steps) {
        let _ = writeln!(s, "      {}: {}", step.question, step.label);
    }
    let _ = writeln!(
        s,
        "    was {:<9} {} — {}",
        c.old.level.id(),
        c.old.outcome,
        c.old.title
    );
    match &c.new {
        Some(n) => {
            let _ = writeln!(s, "    now {:<9} {} — {}", n.level.id(), n.outcome, n.title);
        }
        None => s.push_str("    now gone\n"),
    }
    if let Some(k) = &c.new_key {
        let _ = writeln!(s, "    {}", p.dim(&format!("by {k}")));
    }
}

fn flag_line(f: &FlagChange, md: bool) -> String {
    let q = |t: &str| {
        if md {
            format!("`{t}`")
        } else {
            format!("'{t}'")
        }
    };
    match f {
        FlagChange::NotInFamily { family, flag } => format!(
            "family {} no longer asks about the red flag {}",
            q(family),
            q(flag)
        ),
        FlagChange::NotOnEmergencyScreen { flag } => {
            format!("no emergency screen asks about the red flag {}", q(flag))
        }
        FlagChange::Lower { flag, old, new } => {
            format!("the red flag {} needs {new}, not {old}", q(flag))
        }
        FlagChange::Removed { flag } => format!("the red flag {} is removed", q(flag)),
        FlagChange::AnswerDropped {
            flag,
            question,
            answer,
            label,
        } => format!(
            "the answer {} (\"{label}\") no longer reports the red flag {}",
            q(&format!("{question}={answer}")),
            q(flag)
        ),
    }
}

fn text_outcome(s: &mut String, p: &Paint, o: &OutcomeChange) {
    let Some(new) = &o.new else {
        let _ = writeln!(
            s,
            "  {} {} ({}) — {}",
            p.red("removed"),
            p.bold(&o.id),
            o.old.level.id(),
            o.old.title
        );
        return;
    };
    let level = if new.level == o.old.level {
        new.level.id().to_string()
    } else {
        format!("{} → {}", o.old.level.id(), new.level.id())
    };
    let _ = writeln!(s, "  ~ {} ({level})", p.bold(&o.id));
    for l in &o.lines {
        let _ = writeln!(s, "      {}: {}", part_name(l.part), line_text(p, l));
    }
}

/// What each part of an outcome is called in the report.
fn part_name(part: &str) -> &str {
    match part {
        "now" => "do now",
        "watch" => "safety net",
        other => other,
    }
}

/// A changed line as git's word diff writes it: `[-removed-]{+added+}`, coloured on a terminal.
fn line_text(p: &Paint, l: &LineChange) -> String {
    match (&l.old, &l.new) {
        (Some(_), Some(_)) => l
            .words
            .iter()
            .map(|w| match w {
                WordOp::Same(t) => t.clone(),
                WordOp::Removed(t) => p.red(&format!("[-{t}-]")),
                WordOp::Added(t) => p.green(&format!("{{+{t}+}}")),
            })
            .collect(),
        (Some(old), None) => p.red(&format!("[-{old}-]")),
        (None, Some(new)) => p.green(&format!("{{+{new}+}}")),
        (None, None) => String::new(),
    }
}

/// The report as Markdown, its sections at heading level `depth`.
pub fn markdown(r: &Report, names: &Names, depth: usize) -> String {
    let h = "#".repeat(depth);
    let mut s = String::new();
    if depth == 2 {
        let _ = writeln!(s, "# Content change: {} → {}\n", names.old, names.new);
    }
    let _ = writeln!(
        s,
        "Content version {} → {}. Written by `aftercare diff`.\n",
        r.old_version, r.new_version
    );
    s.push_str(&summary_line(r, true));
    s.push('\n');
    if r.is_empty() {
        s.push_str("No change: every path ends where it did, in the same words.\n");
    }
    md_paths(&mut s, &h, "Paths now at a lower level", &r.lower);
    md_paths(
        &mut s,
        &h,
        "Paths that now ask other questions and can end lower",
        &r.rerouted,
    );
    if !r.flags.is_empty() {
        let _ = writeln!(s, "{h} Red flags asked less\n");
        for f in &r.flags {
            let _ = writeln!(s, "- {}", flag_line(f, true));
        }
        s.push('\n');
    }
    for t in &r.translations {
        md_stale(&mut s, &h, t);
    }
    if !r.outcomes.is_empty() {
        let _ = writeln!(s, "{h} Outcomes removed or changed\n");
        for o in &r.outcomes {
            md_outcome(&mut s, o);
        }
        s.push('\n');
    }
    for t in &r.translations {
        md_translated(&mut s, &h, t);
    }
    md_paths(&mut s, &h, "Paths now at a higher level", &r.higher);
    md_paths(
        &mut s,
        &h,
        "Paths at another outcome of the same level",
        &r.moved,
    );
    md_paths(
        &mut s,
        &h,
        "Paths gone (an answer on them was removed)",
        &r.gone,
    );
    if !r.structure.is_empty() {
        let _ = writeln!(s, "{h} Ids added and removed\n");
        for (name, ids) in r.structure.lists() {
            if !ids.is_empty() {
                let ids: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
                let _ = writeln!(s, "- {name}: {}", ids.join(", "));
            }
        }
        s.push('\n');
    }
    s
}

fn md_paths(s: &mut String, h: &str, head: &str, list: &[PathChange]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(s, "{h} {head} ({})\n", list.len());
    for c in list {
        let accepted = if c.accepted { " (accepted)" } else { "" };
        let _ = writeln!(s, "- `{}`{accepted}", c.key);
        if !c.earlier.is_empty() {
            let _ = writeln!(
                s,
                "  - after a first check that told: {}",
                c.facts.join(", ")
            );
        }
        for step in c.earlier.iter().chain(&c.steps) {
            let _ = writeln!(s, "  - {}: {}", step.question, step.label);
        }
        let _ = writeln!(
            s,
            "  - was **{}** `{}`: {}",
            c.old.level.id(),
            c.old.outcome,
            c.old.title
        );
        match &c.new {
            Some(n) => {
                let _ = writeln!(
                    s,
                    "  - now **{}** `{}`: {}",
                    n.level.id(),
                    n.outcome,
                    n.title
                );
            }
            None => s.push_str("  - now gone\n"),
        }
    }
    s.push('\n');
}

fn md_outcome(s: &mut String, o: &OutcomeChange) {
    let Some(new) = &o.new else {
        let _ = writeln!(
            s,
            "- `{}` (**{}**) removed: {}",
            o.id,
            o.old.level.id(),
            o.old.title
        );
        return;
    };
    let level = if new.level == o.old.level {
        format!("**{}**", new.level.id())
    } else {
        format!("**{}** → **{}**", o.old.level.id(), new.level.id())
    };
    let _ = writeln!(s, "- `{}` ({level})", o.id);
    for l in &o.lines {
        let _ = writeln!(s, "  - {}: {}", part_name(l.part), md_words(l));
    }
}

/// A changed line in Markdown: removed words struck through, added words in bold.
fn md_words(l: &LineChange) -> String {
    match (&l.old, &l.new) {
        (Some(_), Some(_)) => {
            let mut out = String::new();
            for (i, w) in l.words.iter().enumerate() {
                match w {
                    WordOp::Same(t) => out.push_str(t),
                    WordOp::Removed(t) => {
                        let _ = write!(out, "~~{}~~{}", t.trim(), pad(t));
                        // A word replaced by another: a space between the two.
                        if matches!(l.words.get(i + 1), Some(WordOp::Added(_))) && pad(t).is_empty()
                        {
                            out.push(' ');
                        }
                    }
                    WordOp::Added(t) => {
                        let _ = write!(out, "**{}**{}", t.trim(), pad(t));
                    }
                }
            }
            out
        }
        (Some(old), None) => format!("~~{old}~~"),
        (None, Some(new)) => format!("**{new}**"),
        (None, None) => String::new(),
    }
}

/// The space a run of words ended with, kept outside the emphasis.
fn pad(t: &str) -> &'static str {
    if t.ends_with(' ') { " " } else { "" }
}

/// What `--format json` writes: the versions compared, how many lower levels were not
/// accepted, and every change, in the report's order.
#[derive(serde::Serialize)]
struct Json<'a> {
    old: &'a str,
    new: &'a str,
    refused: usize,
    report: &'a Report,
}

/// The report as JSON.
pub fn json(r: &Report, names: &Names) -> String {
    let value = Json {
        old: &names.old,
        new: &names.new,
        refused: r.refused(),
        report: r,
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
