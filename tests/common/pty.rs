//! A pseudo-terminal harness for end-to-end tests: the real binary at a given size, read through
//! a vt100 parser. Every wait is for screen text or process state with a timeout, and every
//! timeout is generous: on a busy 2-core machine a step may take seconds, and a timeout only
//! decides how long a failing test takes to say so.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any one wait may take before the test fails. Passing tests never wait this long.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Waits until the kiosk log at `log` contains `text` (the log is written off the input path, so
/// a line comes a little after what it reports); returns the log.
pub fn wait_for_log(log: &std::path::Path, text: &str) -> String {
    let end = Instant::now() + TIMEOUT;
    loop {
        let logged = std::fs::read_to_string(log).unwrap_or_default();
        if logged.contains(text) {
            return logged;
        }
        assert!(Instant::now() < end, "no {text:?} in the log:\n{logged}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A process's state letter (`R`, `S`, `Z`...) and the CPU time it has used (user + system, in
/// clock ticks of 10 ms), from `/proc/PID/stat`; `None` once it is gone and reaped.
pub fn proc_stat(pid: &str) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some((f.first()?.chars().next()?, ticks))
}

/// Waits (up to [`TIMEOUT`]) for process `pid` to exit, without reaping it; returns the CPU
/// ticks it had used when last seen running. Kills it and fails the test if it does not exit.
pub fn wait_exited(pid: &str) -> u64 {
    let end = Instant::now() + TIMEOUT;
    let mut last = 0;
    loop {
        match proc_stat(pid) {
            None => return last,
            Some(('Z', ticks)) => return ticks,
            Some((_, ticks)) => last = ticks,
        }
        if Instant::now() >= end {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", pid])
                .status();
            panic!(
                "still running {} s after being told to end ({} ms of CPU in all)",
                TIMEOUT.as_secs(),
                last * 10
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub master: Option<Box<dyn MasterPty + Send>>,
    pub reader: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    pub fn start(args: &[&str]) -> Session {
        Session::start_env(args, &[])
    }

    /// The binary on the starter tree with extra arguments and environment.
    pub fn start_env(args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_aftercare"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        Session::start_cmd(cmd, args)
    }

    pub fn start_cmd(cmd: CommandBuilder, args: &[&str]) -> Session {
        Session::start_cmd_at(cmd, args, 80, 24)
    }

    /// [`Session::start_cmd`] in a terminal of `cols` x `rows`.
    pub fn start_cmd_at(mut cmd: CommandBuilder, args: &[&str], cols: u16, rows: u16) -> Session {
        if !args.contains(&"--content") {
            cmd.args(["--content", "tests/fixtures/starter/tree.toml"]);
        }
        cmd.args(args);
        Session::spawn(cmd, cols, rows)
    }

    /// `cmd` as it is (no starter content added) in a terminal of `cols` x `rows`, started in
    /// the repository.
    pub fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        if cmd.get_env("TERM").is_none() {
            cmd.env("TERM", "xterm-256color");
        }
        if cmd.get_env("NO_COLOR").is_none() {
            cmd.env_remove("NO_COLOR");
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer: Some(writer),
            output,
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            raw: Vec::new(),
            master: Some(pair.master),
            reader: Some(reader),
        }
    }

    pub fn pump(&mut self, wait: Duration) -> bool {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                true
            }
            Err(_) => false,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn wait_for(&mut self, text: &str) {
        self.wait_for_within(text, TIMEOUT);
    }

    /// Reads until `done` holds for the screen (up to [`TIMEOUT`]); `what` names it on failure.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + TIMEOUT;
        while !done(self.parser.screen()) {
            assert!(
                Instant::now() < end,
                "timed out waiting until {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Waits until no cell on screen is dim: a new screen's answers are drawn dimmed until it
    /// takes answers (`app::settle`; in a kiosk a key sooner is dropped).
    pub fn wait_settled(&mut self) {
        self.wait_until("the screen takes answers (nothing dimmed)", |scr| {
            let (rows, cols) = scr.size();
            let (rows, cols) = (u16::from(rows), u16::from(cols));
            !(0..rows).any(|r| (0..cols).any(|c| scr.cell(r, c).is_some_and(vt100::Cell::dim)))
        });
    }

    /// Waits for `text` for up to `timeout` (for what the app itself waits for, e.g. a kiosk's
    /// idle timer, plus the usual margin).
    pub fn wait_for_within(&mut self, text: &str, timeout: Duration) {
        let end = Instant::now() + timeout;
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < end,
                "timed out waiting for {text:?}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    pub fn pid(&self) -> String {
        self.child.process_id().unwrap().to_string()
    }

    pub fn kill(&self, sig: &str) {
        let ok = std::process::Command::new("kill")
            .args([sig, &self.pid()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits for the process to exit, reading all it wrote; returns its exit status code.
    pub fn finish(&mut self) -> u32 {
        let end = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while self.pump(Duration::from_millis(200)) {}
                return status.exit_code();
            }
            assert!(
                Instant::now() < end,
                "did not exit; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Closes the terminal: every handle on the master side. The reader thread holds one, so
    /// hang up its channel and make the app draw (Down moves the selection): the thread's next
    /// send fails and it ends, dropping its handle.
    pub fn close(&mut self) {
        self.output = channel().1;
        self.send("\x1b[B");
        self.reader.take().unwrap().join().unwrap();
        drop(self.writer.take());
        drop(self.master.take());
    }

    /// Resizes the terminal and reads it from now on with a fresh parser of that size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser = vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0);
        self.master
            .as_ref()
            .unwrap()
            .resize(size(cols, rows))
            .unwrap();
    }

    /// Whether what the app wrote so far ends where a frame ends: ratatui finishes every frame
    /// by hiding the cursor, or by showing it and moving it to a text field.
    pub fn at_frame_end(&self) -> bool {
        let raw = &self.raw[..];
        if raw.ends_with(b"\x1b[?25l") {
            return true;
        }
        // "\x1b[?25h" then "\x1b[ROW;COLH".
        raw.strip_suffix(b"H")
            .and_then(|r| {
                r.iter()
                    .rposition(|&b| b == 0x1b)
                    .map(|i| (&r[..i], &r[i + 1..]))
            })
            .is_some_and(|(before, params)| {
                before.ends_with(b"\x1b[?25h")
                    && params.first() == Some(&b'[')
                    && params[1..].iter().all(|b| b.is_ascii_digit() || *b == b';')
            })
    }

    /// Waits for `text` on a whole frame: on screen, with the frame that drew it finished (so
    /// nothing of the frame before is left half overwritten).
    pub fn wait_for_frame(&mut self, text: &str) {
        self.wait_for_frame_within(text, TIMEOUT);
    }

    /// [`Session::wait_for_frame`] for up to `timeout`.
    pub fn wait_for_frame_within(&mut self, text: &str, timeout: Duration) {
        let end = Instant::now() + timeout;
        while !(self.screen().contains(text) && self.at_frame_end()) {
            assert!(
                Instant::now() < end,
                "timed out waiting for a whole frame with {text:?}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Reads until the app has written nothing for `quiet`.
    pub fn settle(&mut self, quiet: Duration) {
        let end = Instant::now() + TIMEOUT;
        while self.pump(quiet) {
            assert!(Instant::now() < end, "never went quiet");
        }
    }

    pub fn after(&self, at: usize) -> String {
        String::from_utf8_lossy(&self.raw[at..]).into_owned()
    }
}

/// A kiosk config in `dir` with the emergency number 999, the staff PIN 2468 and `kiosk_lines`
/// added to its `[kiosk]` table; returns its path.
pub fn kiosk_config(dir: &std::path::Path, kiosk_lines: &str) -> String {
    let hash = aftercare::kiosk::hash_pin("2468", &[3; 16]).unwrap();
    let path = dir.join("clinic.toml");
    std::fs::write(
        &path,
        format!("[clinic]\nemergency = \"999\"\n\n[kiosk]\npin_hash = \"{hash}\"\n{kiosk_lines}"),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

/// The terminal is back to normal: the alternate screen left, the cursor shown, mouse reports off.
pub fn assert_restored(after: &str) {
    assert!(
        after.contains("\x1b[?1049l"),
        "left the alternate screen: {after:?}"
    );
    assert!(after.contains("\x1b[?25h"), "cursor shown: {after:?}");
    assert!(
        after.contains("\x1b[?1000l"),
        "mouse capture off: {after:?}"
    );
}
