//! The hazard log as Markdown, in the shape of a DCB0129 hazard log: per hazard its cause,
//! effect, existing controls (flags, facts and questions with their words, outcomes with their
//! titles and levels), severity, likelihood and risk before and after the controls, and the test
//! cases that verify it; a header with the content's title and version, and a sign-off block for
//! the clinical safety officer. Placeholders are filled from the clinic config.

use std::fmt::Write;

use crate::config::Config;
use crate::content::{Hazard, HazardSeverity, Likelihood, Tree};

/// What a DCB0129 risk rating means (Implementation Guidance, Table 10, "Example Risk
/// Acceptability Definitions"; see `content::risk` for the matrix).
fn meaning(risk: u8) -> &'static str {
    match risk {
        5 => "unacceptable",
        4 => "mandatory elimination or control",
        3 => "undesirable",
        2 => "acceptable where the benefit is claimed",
        _ => "acceptable",
    }
}

fn severity_word(s: HazardSeverity) -> &'static str {
    match s {
        HazardSeverity::Minor => "Minor",
        HazardSeverity::Significant => "Significant",
        HazardSeverity::Considerable => "Considerable",
        HazardSeverity::Major => "Major",
        HazardSeverity::Catastrophic => "Catastrophic",
    }
}

fn likelihood_word(l: Likelihood) -> &'static str {
    match l {
        Likelihood::VeryLow => "Very low",
        Likelihood::Low => "Low",
        Likelihood::Medium => "Medium",
        Likelihood::High => "High",
        Likelihood::VeryHigh => "Very high",
    }
}

/// The hazard log of the content, for a clinical safety officer to review and sign.
pub fn hazard_log(tree: &Tree, config: &Config) -> String {
    let mut s = String::new();
    header(&mut s, tree);
    summary(&mut s, tree);
    for (n, h) in tree.hazards.iter().enumerate() {
        hazard(&mut s, tree, config, n + 1, h);
    }
    sign_off(&mut s);
    s
}

/// The entries of the hazards `which` names (indices into `tree.hazards`), numbered as in the
/// full log: the rows a content change touches, for `aftercare diff --format review`.
pub fn hazard_entries(tree: &Tree, config: &Config, which: &[usize]) -> String {
    let mut s = String::new();
    for &n in which {
        if let Some(h) = tree.hazards.get(n) {
            hazard(&mut s, tree, config, n + 1, h);
        }
    }
    s
}

fn header(s: &mut String, tree: &Tree) {
    let _ = writeln!(s, "# {} — hazard log\n", tree.meta.title);
    let _ = writeln!(
        s,
        "Content version **{}**. {} hazards. Written by `aftercare export --format hazards` from \
         the content's `[hazard.*]` tables; do not edit by hand.\n",
        tree.meta.version,
        tree.hazards.len()
    );
    s.push_str(
        "The shape of a DCB0129 hazard log (NHS clinical risk management in the manufacture of \
         health IT systems). Severity: minor, significant, considerable, major, catastrophic. \
         Likelihood: very low, low, medium, high, very high. Risk: 1 (acceptable) to 5 \
         (unacceptable), from the DCB0129 5×5 matrix of severity and likelihood. \"Before\" is \
         the risk with no controls; \"after\", with the controls listed, verified by the test \
         cases named (`tests/atypical.toml`, walked by `cargo test --test atypical`).\n\n",
    );
    if tree.hazards.is_empty() {
        s.push_str("**This content has no hazard log.**\n\n");
    }
}

fn summary(s: &mut String, tree: &Tree) {
    if tree.hazards.is_empty() {
        return;
    }
    s.push_str("## Summary\n\n| Id | Hazard | Severity | Risk before | Risk after |\n");
    s.push_str("| --- | --- | --- | --- | --- |\n");
    for (n, h) in tree.hazards.iter().enumerate() {
        let (before, after) = h.risks();
        let _ = writeln!(
            s,
            "| H{:02} `{}` | {} | {} | {before} | {after} |",
            n + 1,
            h.id,
            h.title,
            severity_word(h.severity)
        );
    }
    s.push('\n');
}

fn hazard(s: &mut String, tree: &Tree, config: &Config, n: usize, h: &Hazard) {
    let (before, after) = h.risks();
    let _ = writeln!(s, "## H{n:02}: {}\n", h.title);
    let _ = writeln!(s, "- **Id:** `{}`", h.id);
    let _ = writeln!(s, "- **Hazard:** {}", h.title);
    let _ = writeln!(s, "- **Cause:** {}", h.cause);
    let _ = writeln!(s, "- **Effect:** {}", h.effect);
    s.push_str("- **Existing controls:**\n");
    for &f in &h.flags {
        let flag = &tree.flags[f];
        let _ = writeln!(
            s,
            "  - Red flag `{}` ({}): {}",
            flag.id,
            flag.level,
            config.fill(&flag.text)
        );
        for sign in &flag.signs {
            let _ = writeln!(s, "    - sign `{}`: {}", sign.id, config.fill(&sign.text));
        }
    }
    for &f in &h.facts {
        let fact = &tree.facts[f];
        let _ = writeln!(s, "  - Fact `{}`: {}", fact.id, fact.text);
    }
    for &q in &h.questions {
        let q = &tree.questions[q];
        let _ = writeln!(s, "  - Question `{}`: \"{}\"", q.id, config.fill(&q.text));
    }
    s.push_str("- **Outcomes that must catch it:**\n");
    for &o in &h.outcomes {
        let o = &tree.outcomes[o];
        let _ = writeln!(s, "  - `{}` ({}): {}", o.id, o.level, config.fill(&o.title));
    }
    let _ = writeln!(s, "- **Severity:** {}", severity_word(h.severity));
    let _ = writeln!(
        s,
        "- **Before controls:** likelihood {}, risk **{before}** ({})",
        likelihood_word(h.likelihood_before),
        meaning(before)
    );
    let _ = writeln!(
        s,
        "- **After controls:** likelihood {}, risk **{after}** ({})",
        likelihood_word(h.likelihood_after),
        meaning(after)
    );
    if let Some(why) = &h.residual {
        let _ = writeln!(s, "- **Residual risk accepted for now because:** {why}");
    }
    let sources: Vec<String> = h
        .sources
        .iter()
        .map(|&x| tree.sources[x].citation())
        .collect();
    let _ = writeln!(s, "- **Sources:** {}", sources.join("; "));
    let cases: Vec<String> = h.cases.iter().map(|c| format!("`{c}`")).collect();
    let _ = writeln!(
        s,
        "- **Verification:** test cases {} in `tests/atypical.toml`",
        cases.join(", ")
    );
    s.push('\n');
}

fn sign_off(s: &mut String) {
    s.push_str(
        "## Sign-off\n\n\
         Reviewed against the content version above by the clinical safety officer.\n\n\
         | | |\n\
         | --- | --- |\n\
         | Clinical safety officer (name) | |\n\
         | Registration (body and number) | |\n\
         | Date | |\n\
         | Signature | |\n\
         | Decision (accepted / accepted with actions / not accepted) | |\n\
         | Actions | |\n",
    );
}
