//! The light markup of topic bodies: paragraphs, "- " bullets, *emphasis*, and "Term :: definition"
//! lines. Parsed into blocks that every front end renders its own way, so raw markup is never
//! shown to a person.

/// A run of text, emphasised or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub emphasis: bool,
}

/// One block of a topic body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Run>),
    Bullet(Vec<Run>),
    Term { term: String, definition: Vec<Run> },
}

/// Parses a topic body into blocks. Lines of one paragraph are joined with spaces.
pub fn parse(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(runs(&para.join(" "))));
            para.clear();
        }
    };
    // A bullet stays open for continuation lines until a blank line or another block.
    let mut bullet_open = false;
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut para, &mut blocks);
            bullet_open = false;
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Bullet(runs(item.trim())));
            bullet_open = true;
        } else if let Some((term, def)) = line.split_once(" :: ") {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Term {
                term: term.trim().to_string(),
                definition: runs(def.trim()),
            });
            bullet_open = false;
        } else if let Some(Block::Bullet(prev)) = blocks.last_mut().filter(|_| bullet_open) {
            // A wrapped bullet: the continuation line belongs to the bullet above.
            prev.push(Run {
                text: " ".into(),
                emphasis: false,
            });
            prev.extend(runs(line));
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

/// Splits text on single stars into plain and emphasised runs; an unpaired star stays a star.
pub fn runs(text: &str) -> Vec<Run> {
    let parts: Vec<&str> = text.split('*').collect();
    if parts.len().is_multiple_of(2) {
        // An odd number of stars: treat them all as literal.
        return vec![Run {
            text: text.to_string(),
            emphasis: false,
        }];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| Run {
            text: (*p).to_string(),
            emphasis: i % 2 == 1,
        })
        .collect()
}

/// The plain text of runs, without markup.
pub fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paragraphs_bullets_terms_and_emphasis() {
        let body = "First line\nsame paragraph with *stress*.\n\n- one\n  wrapped\n- two\n\nHistamine :: a *local* messenger\n";
        let b = parse(body);
        assert_eq!(b.len(), 4);
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                Run {
                    text: "First line same paragraph with ".into(),
                    emphasis: false
                },
                Run {
                    text: "stress".into(),
                    emphasis: true
                },
                Run {
                    text: ".".into(),
                    emphasis: false
                },
            ])
        );
        assert_eq!(
            plain(match &b[1] {
                Block::Bullet(r) => r,
                _ => panic!(),
            }),
            "one wrapped"
        );
        assert!(matches!(&b[3], Block::Term { term, .. } if term == "Histamine"));
    }

    #[test]
    fn a_paragraph_after_a_list_is_its_own_block() {
        let b = parse("- one\n- two\n\nWhen to get help\n\nUse the check.");
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(matches!(&b[2], Block::Paragraph(r) if plain(r) == "When to get help"));
    }

    #[test]
    fn an_unpaired_star_is_kept_literally() {
        assert_eq!(plain(&runs("5 * 3")), "5 * 3");
        assert!(runs("5 * 3").iter().all(|r| !r.emphasis));
    }
}
