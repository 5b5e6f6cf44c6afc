//! The decoder's tests: every key, mouse report and broken sequence a terminal (or an attacker)
//! can send, cut at every byte.

use super::*;

const T0: Duration = Duration::ZERO;
const MS: fn(u64) -> Duration = Duration::from_millis;

/// Everything the bytes mean, once any pending sequence has had its time.
fn keys(bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = d.feed(bytes, T0);
    out.extend(d.expire(T0 + PENDING));
    out
}

/// The bytes in pieces, `gap` apart, then time for anything pending.
fn split(pieces: &[&[u8]], gap: Duration) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = Vec::new();
    let mut now = T0;
    for p in pieces {
        // The loop wakes at the decoder's deadline if it comes first.
        if let Some(at) = d.deadline().filter(|at| *at <= now) {
            out.extend(d.expire(at));
        }
        out.extend(d.feed(p, now));
        now += gap;
    }
    out.extend(d.expire(now + PENDING));
    out
}

fn k(key: Key) -> Event {
    Event::Key(key)
}

#[test]
fn text_control_keys_and_cursor_keys() {
    assert_eq!(
        keys("aé€\r\t\x7f\x03".as_bytes()),
        [
            k(Key::Char('a')),
            k(Key::Char('é')),
            k(Key::Char('€')),
            k(Key::Enter),
            k(Key::Tab),
            k(Key::Backspace),
            k(Key::Ctrl('c'))
        ]
    );
    assert_eq!(
        keys(b"\x1b[A\x1bOB\x1b[1;5C\x1b[D\x1b[H\x1b[4~\x1b[5~\x1b[6~\x1b[Z"),
        [
            k(Key::Up),
            k(Key::Down),
            k(Key::Right),
            k(Key::Left),
            k(Key::Home),
            k(Key::End),
            k(Key::PageUp),
            k(Key::PageDown),
            k(Key::BackTab)
        ]
    );
}

#[test]
fn a_lone_esc_is_held_for_its_time_then_is_the_esc_key() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b", T0), [], "held: the rest may be on its way");
    assert_eq!(d.expire(PENDING - MS(1)), []);
    assert_eq!(d.expire(PENDING), [k(Key::Esc)]);
    assert_eq!(d.deadline(), None);
    assert_eq!(keys(b"\x1b\x1b"), [k(Key::Esc), k(Key::Esc)]);
    // A key after it, later: just that key.
    assert_eq!(
        split(&[b"\x1b", b"q"], MS(100)),
        [k(Key::Esc), k(Key::Char('q'))]
    );
}

#[test]
fn a_sequence_cut_right_after_its_esc_never_becomes_keys() {
    // F5 (ESC [ 1 5 ~) cut after the Esc: "1" and "5" would pick answers (the fifth red
    // flag: EMERGENCY). Within the pending time the two halves join; later, the rest is
    // still recognised and dropped.
    for gap in [0, 1, 10, 29, 40, 100, 240] {
        let got = split(&[b"\x1b", b"[15~"], MS(gap));
        assert!(
            got.iter().all(|e| *e == k(Key::Esc)),
            "gap {gap} ms: {got:?}"
        );
        let got = split(&[b"\x1b", b"[<35;5;12M"], MS(gap));
        assert!(
            got.iter().all(|e| *e == k(Key::Esc)),
            "gap {gap} ms: {got:?}"
        );
    }
    // A wheel flood cut by the pty at every possible byte: only wheel turns, never a key.
    let report = b"\x1b[<65;5;12M";
    let flood: Vec<u8> = report.repeat(20);
    for cut in 1..flood.len() {
        let got = split(&[&flood[..cut], &flood[cut..]], MS(1));
        assert!(
            got.iter()
                .all(|e| matches!(e, Event::Mouse(Mouse::ScrollDown, 4, 11))),
            "cut at {cut}: {got:?}"
        );
        assert_eq!(got.len(), 20, "cut at {cut}");
    }
    // Cut elsewhere, later than the pending time: the rest is dropped, not typed.
    for (a, b) in [
        (&b"\x1b["[..], &b"15~"[..]),
        (b"\x1b[1", b"5~"),
        (b"\x1b[15", b"~"),
    ] {
        assert_eq!(split(&[a, b], MS(40)), [], "{a:?} | {b:?}");
    }
    assert_eq!(split(&[b"\x1bO", b"P"], MS(40)), []);
    // However late the rest comes, it is still dropped: it may be a report's rest held up by a
    // poor network (this used to be typed after 250 ms). What ends the skip is a byte that
    // cannot belong to it (here Enter); the digits after that are keys.
    for gap in [400, 5_000, 600_000] {
        assert_eq!(split(&[b"\x1b[", b"12"], MS(gap)), [], "{gap} ms");
        assert_eq!(
            split(&[b"\x1b[", b"1", b"\r", b"1", b"2"], MS(gap)),
            [k(Key::Enter), k(Key::Char('1')), k(Key::Char('2'))],
            "{gap} ms"
        );
    }
}

#[test]
fn an_unfinished_paste_start_is_dropped_when_its_time_is_up_and_keys_work_again() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b[", T0), []);
    let at = d.deadline().expect("held, with a deadline");
    assert!(at <= MS(50), "{at:?}");
    assert_eq!(d.expire(at - MS(1)), [], "not yet");
    assert_eq!(d.expire(at), []);
    assert_eq!(d.deadline(), None);
    // The paste marker itself is a whole sequence that means nothing: the keys after it are
    // keys.
    assert_eq!(keys(b"\x1b[200~q\r"), [k(Key::Char('q')), k(Key::Enter)]);
    // A sequence cut short by another: dropped up to the cut, the other read afresh.
    assert_eq!(keys(b"\x1b[12\x1b[A"), [k(Key::Up)]);
}

#[test]
fn a_sequence_split_across_reads_is_joined_within_its_time() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b[<0;1", T0), []);
    assert_eq!(
        d.feed(b"0;5M", T0 + MS(5)),
        [Event::Mouse(Mouse::Down, 9, 4)]
    );
    // A multi-byte character split in two.
    assert_eq!(d.feed(&[0xc3], T0), []);
    assert_eq!(d.feed(&[0xa9], T0), [k(Key::Char('é'))]);
}

#[test]
fn endless_or_invalid_bytes_never_hold_the_decoder_or_leak_keys() {
    // An endless parameter list is dropped once it is longer than any real sequence, and
    // the rest of it too, however it is cut.
    let mut long = b"\x1b[".to_vec();
    long.extend(b"1;".repeat(600));
    long.push(b'~');
    for cut in [3, 64, 66, 1024, 1100] {
        let got = split(&[&long[..cut], &long[cut..], b"x"], MS(1));
        assert_eq!(got, [k(Key::Char('x'))], "cut at {cut}");
    }
    assert_eq!(keys(&[0xff, 0x80, b'a']), [k(Key::Char('a'))]);
    // A broken character ends at the first byte that cannot continue it: no key is lost.
    assert_eq!(split(&[&[0xe2, 0x82], b"1"], MS(1)), [k(Key::Char('1'))]);
    assert_eq!(keys(&[0xf0, 0x9f, b'1']), [k(Key::Char('1'))]);
    let mut d = Decoder::default();
    d.feed(&[0xe2, 0x82], T0);
    assert_eq!(d.expire(T0 + PENDING), []);
    assert_eq!(d.feed(b"b", T0 + PENDING), [k(Key::Char('b'))]);
}

#[test]
fn control_strings_are_read_whole_and_dropped() {
    // OSC, DCS, APC, PM, SOS: a terminal's replies, never keys.
    for s in [
        &b"\x1b]11;rgb:0000/0000/0000\x07"[..],
        b"\x1b]0;title\x1b\\",
        b"\x1bP2\x1b\\",
        b"\x1b_2\x1b\\",
        b"\x1bX2\x1b\\",
        b"\x1b^2\x1b\\",
    ] {
        assert_eq!(keys(&[s, b"q"].concat()), [k(Key::Char('q'))], "{s:?}");
    }
    // Cut, late, or unterminated: still never keys.
    assert_eq!(
        split(&[b"\x1b]0;ab", b"cd2\x07q"], MS(40)),
        [k(Key::Char('q'))]
    );
    assert_eq!(keys(b"\x1b]0;2"), []);
    let mut huge = b"\x1b]0;".to_vec();
    huge.extend(b"2".repeat(2000));
    huge.extend(b"\x07q");
    assert_eq!(
        split(&[&huge[..700], &huge[700..]], MS(1)),
        [k(Key::Char('q'))]
    );
}

#[test]
fn a_second_attack_finds_no_more_keys_in_sequences() {
    // An X10 mouse report cut after its introducer: its raw bytes ("#51": button, column,
    // row) look like keys.
    for (a, b) in [
        (&b"\x1b["[..], &b"M#51"[..]),
        (b"\x1b[", b"M#11"),
        (b"\x1b[M", b"#A5"),
        (b"\x1b[M#", b"A5"),
        (b"\x1b[", b"MC51"),
    ] {
        for gap in [31, 40, 100, 249, 300, 500, 60_000] {
            assert_eq!(split(&[a, b], MS(gap)), [], "{a:?} | {b:?} at {gap} ms");
        }
    }
    assert_eq!(split(&[b"\x1b", b"[", b"MC51"], MS(40)), [k(Key::Esc)]);
    // A control string cut right after its Esc.
    for gap in [31, 100, 251] {
        let got = split(
            &[b"\x1b", b"]11;rgb:0000/0000/0000\x1b\\"],
            MS(gap.min(249)),
        );
        assert_eq!(got, [k(Key::Esc)], "{gap} ms");
        let got = split(&[b"\x1b", b"P>|XTerm(367)\x1b\\"], MS(40));
        assert_eq!(got, [k(Key::Esc)]);
    }
    // A string terminator cut between its Esc and its backslash.
    assert_eq!(split(&[b"\x1b]11;", b"rgb:0000\x1b", b"\\"], MS(40)), []);
    // 8-bit introducers, raw and as UTF-8.
    assert_eq!(keys(&[0x9b, b'1', b'5', b'~']), []);
    assert_eq!(keys(&[0xc2, 0x9b, b'1', b'5', b'~']), []);
    assert_eq!(
        keys(&[&[0x9d][..], b"11;rgb:0000/0000/0000\x07"].concat()),
        []
    );
    assert_eq!(
        keys(&[&[0x9b][..], b"<65;15;12M"].concat()),
        [Event::Mouse(Mouse::ScrollDown, 14, 11)]
    );
    // A person's keys after a broken sequence are not dropped for as long as they keep
    // pressing: a rest may come in at most LATE_PIECES reads after a pause (this used to be
    // 250 ms of time, after which a late rest was typed). Here each 8 is a read of its own.
    let mut pieces: Vec<&[u8]> = vec![b"\x1b["];
    pieces.extend(std::iter::repeat_n(&b"8"[..], 10));
    for gap in [200, 2_000] {
        let got = split(&pieces, MS(gap));
        assert_eq!(
            got,
            [k(Key::Char('8')); 10 - LATE_PIECES as usize],
            "{gap} ms"
        );
    }
    // UTF-8 text whose continuation bytes are C1 values stays text.
    assert_eq!(
        keys("✛✜".as_bytes()),
        [k(Key::Char('✛')), k(Key::Char('✜'))]
    );
}

#[test]
fn mouse_reports_sgr_and_x10() {
    assert_eq!(
        keys(b"\x1b[<0;3;4M\x1b[<32;3;5M\x1b[<0;3;5m\x1b[<64;1;1M\x1b[<65;1;1M\x1b[<2;1;1M"),
        [
            Event::Mouse(Mouse::Down, 2, 3),
            Event::Mouse(Mouse::Drag, 2, 4),
            Event::Mouse(Mouse::Up, 2, 4),
            Event::Mouse(Mouse::ScrollUp, 0, 0),
            Event::Mouse(Mouse::ScrollDown, 0, 0),
        ]
    );
    assert_eq!(
        keys(&[
            0x1b,
            b'[',
            b'M',
            32,
            33 + 4,
            33 + 2,
            0x1b,
            b'[',
            b'M',
            35,
            33,
            33
        ]),
        [
            Event::Mouse(Mouse::Down, 4, 2),
            Event::Mouse(Mouse::Up, 0, 0)
        ]
    );
}

/// Every way to cut `seq` in two or three pieces, `gap` apart.
fn every_cut(seq: &[u8], gap: Duration) -> Vec<(String, Vec<Event>)> {
    let mut all = Vec::new();
    for i in 1..seq.len() {
        all.push((format!("cut at {i}"), split(&[&seq[..i], &seq[i..]], gap)));
        for j in i + 1..seq.len() {
            let got = split(&[&seq[..i], &seq[i..j], &seq[j..]], gap);
            all.push((format!("cut at {i} and {j}"), got));
        }
    }
    all
}

#[test]
fn a_report_or_string_whose_rest_comes_late_is_dropped_whole_however_late() {
    // What a thin client on a poor network does: the terminal writes a report whole, the
    // network holds part of it back for 300 ms or more. `ESC[M` … `C5!` typed "possible
    // stroke" (C, 5 and ! chose answers).
    let x10 = [0x1b, b'[', b'M', b'C', b'5', b'!'];
    let sgr = b"\x1b[<0;15;12M";
    let osc = b"\x1b]11;rgb:0000/0000/0000\x07";
    let dcs = b"\x1bP>|XTerm(367)\x1b\\";
    for gap in [300, 500, 2_000, 3_600_000] {
        for seq in [&x10[..], sgr, osc, dcs] {
            for (cut, got) in every_cut(seq, MS(gap)) {
                let keys: Vec<_> = got
                    .iter()
                    .filter(|e| matches!(e, Event::Key(k) if *k != Key::Esc))
                    .collect();
                assert!(keys.is_empty(), "{seq:?} {cut}, {gap} ms: {got:?}");
            }
        }
    }
    // And the key after the late rest is a key.
    assert_eq!(
        split(&[b"\x1b[<0;1", b"5;12M", b"1"], MS(500)),
        [k(Key::Char('1'))]
    );
}

#[test]
fn what_a_late_rest_may_drop_is_bounded() {
    // A CSI's rest in a late piece is at most LATE_CSI bytes: a long run of digits after it is
    // not a report's rest.
    let digits = b"1".repeat(30);
    let got = split(&[b"\x1b[", &digits], MS(500));
    assert_eq!(got, [k(Key::Char('1')); 6], "LATE_CSI is {LATE_CSI}");
    // A string's rest ends at an Esc that starts something else.
    assert_eq!(split(&[b"\x1b]0;ab", b"cd\x1b[A"], MS(500)), [k(Key::Up)]);
    // After LATE_PIECES late reads the skip is over, whatever they held.
    assert_eq!(
        split(&[b"\x1b]0;ab", b"c", b"d", b"7"], MS(500)),
        [k(Key::Char('7'))]
    );
}

#[test]
fn a_kiosk_drops_a_bracketed_paste_whole_and_bounds_one_that_never_ends() {
    let mut body = Vec::new();
    while body.len() < 1 << 20 {
        body.extend_from_slice(b"1 2 8 5 \r\x1b[A ");
    }
    let paste = [&b"\x1b[200~"[..], &body, b"\x1b[201~"].concat();
    let mut d = Decoder::drop_pastes();
    let mut now = T0;
    let mut got = Vec::new();
    // In 4 KiB reads 1 ms apart (the pty hands a big write over in pieces), then a key.
    for chunk in paste.chunks(4096) {
        got.extend(d.feed(chunk, now));
        now += MS(1);
    }
    got.extend(d.feed(b"2", now + MS(100)));
    assert_eq!(got, [k(Key::Char('2'))]);
    // The end marker cut at every byte.
    for cut in 1..6 {
        let mut d = Decoder::drop_pastes();
        let end = b"\x1b[201~";
        let mut got = d.feed(&[&b"\x1b[200~12"[..], &end[..cut]].concat(), T0);
        got.extend(d.feed(&[&end[cut..], &b"3"[..]].concat(), MS(1)));
        assert_eq!(got, [k(Key::Char('3'))], "cut at {cut}");
    }
    // A paste held up by the network: its next piece, 500 ms later, is still dropped.
    let mut d = Decoder::drop_pastes();
    assert_eq!(d.feed(b"\x1b[200~12\r85\r", T0), []);
    assert_eq!(d.feed(b"1\r2\r8\r", MS(500)), []);
    assert_eq!(d.feed(b"\x1b[201~", MS(1000)), []);
    assert_eq!(d.feed(b"1", MS(1100)), [k(Key::Char('1'))]);
    // A paste start typed by hand (Alt-[ then 200~) with no end: a key pressed after a pause
    // (one key's bytes in a read) is a key; so is anything after PASTE_GAP without a byte.
    let mut d = Decoder::drop_pastes();
    assert_eq!(d.feed(b"\x1b[200~", T0), []);
    assert_eq!(d.feed(b"1", MS(100)), [k(Key::Char('1'))]);
    let mut d = Decoder::drop_pastes();
    assert_eq!(d.feed(b"\x1b[200~", T0), []);
    assert_eq!(d.feed(b"12345", MS(500)), []);
    assert_eq!(
        d.feed(b"12", MS(500) + PASTE_GAP + MS(1)),
        [k(Key::Char('1')), k(Key::Char('2'))]
    );
    // Outside a kiosk the markers are dropped and the body is typed (bracketed paste is off
    // there; this is a person typing).
    assert_eq!(keys(b"\x1b[200~12"), [k(Key::Char('1')), k(Key::Char('2'))]);
}

#[test]
fn a_flood_of_input_is_shed_and_the_next_key_after_it_is_a_key() {
    // A 1 MB paste in a terminal without bracketed paste: keys, Enters, cursor keys, reports.
    let mut flood = Vec::new();
    while flood.len() < 1 << 20 {
        flood.extend_from_slice(b"12\r\x1b[B\x1b[<0;5;5M\x1b[<0;5;5m8");
    }
    for kiosk in [false, true] {
        let mut d = if kiosk {
            Decoder::drop_pastes()
        } else {
            Decoder::default()
        };
        let mut now = T0;
        let mut got = Vec::new();
        for chunk in flood.chunks(4096) {
            got.extend(d.feed(chunk, now));
            now += MS(2);
        }
        // At most BURST_EVENTS of it: the work for the flood is bounded, whatever the machine's
        // speed, and the next key a person presses is answered.
        if kiosk {
            assert!(got.len() <= BURST_EVENTS, "{}", got.len());
        } else {
            assert_eq!(got.len(), BURST_EVENTS);
        }
        assert_eq!(d.feed(b"5", now + MS(50)), [k(Key::Char('5'))]);
        // A kiosk types none of it: a read of many keys is pasted text.
        let keys = got.iter().filter(|e| matches!(e, Event::Key(_))).count();
        assert_eq!(keys == 0, kiosk, "{keys} keys typed, kiosk {kiosk}");
    }
    // In small reads (32 bytes: a few keys each) the keys get through up to the burst's
    // bound only.
    let mut d = Decoder::drop_pastes();
    let typed = flood[..1 << 16]
        .chunks(32)
        .enumerate()
        .flat_map(|(i, c)| d.feed(c, MS(i as u64)))
        .filter(|e| matches!(e, Event::Key(_)))
        .count();
    assert!(typed <= BURST_EVENTS, "{typed} keys typed");
    // A person typing fast is not a burst: every key comes.
    let mut d = Decoder::default();
    let typed: Vec<_> = (0..200u64).flat_map(|i| d.feed(b"7", MS(40 * i))).collect();
    assert_eq!(typed.len(), 200);
}
