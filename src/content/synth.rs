//! Generated content of any size, for benchmarks, soak and property tests. Not for people.

use std::fmt::Write;

/// Valid content with about `nodes` questions and outcomes, as several files (each under the
/// 4 MiB limit; ids are shared across files): an emergency screen: an emergency screen, then a
/// long chain of questions, each with an outcome of its own and a "Not sure" branch. The chain is
/// as deep as it is long, so validation must not recurse.
pub fn generate(nodes: usize) -> Vec<String> {
    let questions = (nodes / 2).max(2);
    // Each level with the words its titles begin with, so the banner and the title agree.
    let levels = [
        ("expected", "Normal"),
        ("therapist", "Let your therapist know"),
        ("doctor", "Contact your doctor"),
        ("urgent", "Get help today"),
    ];
    let mut files = Vec::new();
    let mut s = String::with_capacity(nodes.min(5000) * 160);
    // Questions first, then outcomes, as a person would lay out a file.
    let mut outcomes = String::new();
    s.push_str(
        "[meta]\ntitle = \"Generated\"\nversion = \"1\"\nstart = \"q0\"\nanother = \"q1\"\n\n",
    );
    s.push_str("[outcome.call]\nlevel = \"emergency\"\ntitle = \"Call {emergency} now\"\nnow = [\"Call {emergency} now.\"]\nwatch = [\"Call again if worse.\"]\nsources = [\"src\"]\n\n");
    for i in 0..questions {
        let (level, lead) = levels[i % levels.len()];
        if i > 0 && i % 500 == 0 {
            s.push_str(&std::mem::take(&mut outcomes));
            files.push(std::mem::take(&mut s));
        }
        let next = if i + 1 < questions {
            format!("q{}", i + 1)
        } else {
            "call".to_string()
        };
        let _ = write!(
            s,
            "[question.q{i}]\ntext = \"Question number {i}?\"\nemergency_screen = {}\noptions = [\n  {{ id = \"go_on\", label = \"Go on\", next = \"{next}\" }},\n  {{ id = \"stop\", label = \"Stop here\", next = \"o{i}\" }},\n  {{ id = \"not_sure\", label = \"Not sure\", next = \"call\", not_sure = true }},\n]\n\n",
            i == 0
        );
        let _ = write!(
            outcomes,
            "[outcome.o{i}]\nlevel = \"{level}\"\ntitle = \"{lead}: result {i}\"\nnow = [\"Rest.\"]\nwatch = [\"Call us if it gets worse.\", \"Call {{emergency}} if you get chest pain.\"]\nsources = [\"src\"]\n\n",
        );
    }
    s.push_str(&outcomes);
    s.push_str("[source.src]\ntitle = \"Generated\"\nstatus = \"V\"\n");
    files.push(s);
    files
}

/// [`generate`] as raw files ready for [`super::check_files`].
pub fn generate_raw(nodes: usize) -> Vec<super::RawFile> {
    generate(nodes)
        .into_iter()
        .enumerate()
        .map(|(i, text)| super::RawFile {
            name: format!("gen{i:03}.toml"),
            bytes: text.into_bytes(),
        })
        .collect()
}
