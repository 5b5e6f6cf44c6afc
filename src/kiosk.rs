//! Kiosk policy: the idle privacy reset and the staff PIN, with time passed in.
//!
//! Pure rules, no clock and no I/O: the app asks "what is the next deadline?" and "what happens
//! now?", and the runner sleeps until then. Tests drive it with made-up times.

use std::time::Duration;

use argon2::password_hash::{PasswordHash, PasswordVerifier};

/// Where the idle timer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    /// Someone is using it.
    Active,
    /// "Still there?" is showing; everything is cleared after `remaining`.
    Countdown { remaining: Duration },
    /// Time is up: clear everything and go back to the welcome screen.
    Expired,
}

/// The idle timer: input restarts it; after `timeout` a countdown of `countdown` begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Idle {
    pub timeout: Duration,
    pub countdown: Duration,
    last_input: Duration,
}

impl Idle {
    /// A timer that starts counting at `now`.
    pub fn new(timeout: Duration, countdown: Duration, now: Duration) -> Self {
        Idle {
            timeout,
            countdown,
            last_input: now,
        }
    }

    /// Any key, tap or scroll: the person is still there.
    pub fn touch(&mut self, now: Duration) {
        self.last_input = now;
    }

    /// The state at `now`.
    pub fn state(&self, now: Duration) -> IdleState {
        let idle = now.saturating_sub(self.last_input);
        if idle < self.timeout {
            IdleState::Active
        } else if idle < self.timeout + self.countdown {
            IdleState::Countdown {
                remaining: self.timeout + self.countdown - idle,
            }
        } else {
            IdleState::Expired
        }
    }

    /// When the runner must wake next: the start of the countdown, each second of it (to redraw
    /// the number), or its end.
    pub fn next_deadline(&self, now: Duration) -> Duration {
        let start = self.last_input + self.timeout;
        let end = start + self.countdown;
        if now < start {
            start
        } else if now < end {
            let into = now - start;
            let next_second = Duration::from_secs(into.as_secs() + 1);
            (start + next_second).min(end)
        } else {
            now
        }
    }
}

/// The answer to a PIN attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    Accepted,
    /// Wrong; the next attempt is possible after `wait`.
    Wrong {
        wait: Duration,
    },
    /// Too soon after a wrong attempt; try again after `wait`. The PIN was not even checked.
    TooSoon {
        wait: Duration,
    },
    /// No PIN is configured: there is no staff exit (stop the kiosk with SIGTERM).
    NoPin,
}

/// The staff PIN: an Argon2 hash from the config, and a growing delay after wrong attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffPin {
    hash: Option<String>,
    failures: u32,
    locked_until: Duration,
}

impl StaffPin {
    /// A checker for the configured hash (`None`: no staff exit).
    pub fn new(hash: Option<String>) -> Self {
        StaffPin {
            hash,
            failures: 0,
            locked_until: Duration::ZERO,
        }
    }

    /// The wait after `failures` wrong attempts: 1 s, 2 s, 4 s … up to 5 minutes.
    pub fn backoff(failures: u32) -> Duration {
        Duration::from_secs(1u64 << failures.saturating_sub(1).min(8)).min(Duration::from_secs(300))
    }

    /// Checks a PIN at `now`.
    pub fn check(&mut self, pin: &str, now: Duration) -> PinCheck {
        let Some(hash) = &self.hash else {
            return PinCheck::NoPin;
        };
        if now < self.locked_until {
            return PinCheck::TooSoon {
                wait: self.locked_until - now,
            };
        }
        let ok = PasswordHash::new(hash).is_ok_and(|h| {
            argon2::Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        });
        if ok {
            self.failures = 0;
            PinCheck::Accepted
        } else {
            self.failures = self.failures.saturating_add(1);
            let wait = Self::backoff(self.failures);
            self.locked_until = now + wait;
            PinCheck::Wrong { wait }
        }
    }

    /// Whether a staff exit exists at all.
    pub fn is_configured(&self) -> bool {
        self.hash.is_some()
    }
}

/// Hashes a PIN with Argon2id and the given 16 bytes of salt (the CLI reads them from the OS).
pub fn hash_pin(pin: &str, salt: &[u8; 16]) -> Result<String, String> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt = SaltString::encode_b64(salt).map_err(|e| e.to_string())?;
    argon2::Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn idle_then_countdown_then_expired_and_input_keeps_the_session() {
        let mut idle = Idle::new(S(90), S(15), S(0));
        assert_eq!(idle.state(S(89)), IdleState::Active);
        assert_eq!(idle.next_deadline(S(10)), S(90));
        assert_eq!(idle.state(S(90)), IdleState::Countdown { remaining: S(15) });
        assert_eq!(idle.next_deadline(S(90)), S(91));
        assert_eq!(idle.state(S(100)), IdleState::Countdown { remaining: S(5) });
        idle.touch(S(100));
        assert_eq!(idle.state(S(101)), IdleState::Active);
        assert_eq!(idle.state(S(205)), IdleState::Expired);
        assert_eq!(idle.next_deadline(S(204)), S(205));
    }

    #[test]
    fn pins_are_checked_against_the_hash_and_wrong_ones_slow_down() {
        let hash = hash_pin("2468", &[7; 16]).unwrap();
        assert!(hash.starts_with("$argon2id$"));
        let mut pin = StaffPin::new(Some(hash));
        assert_eq!(pin.check("1111", S(0)), PinCheck::Wrong { wait: S(1) });
        assert_eq!(
            pin.check("2468", S(0)),
            PinCheck::TooSoon { wait: S(1) },
            "not even checked"
        );
        assert_eq!(pin.check("1111", S(1)), PinCheck::Wrong { wait: S(2) });
        assert_eq!(pin.check("1111", S(3)), PinCheck::Wrong { wait: S(4) });
        assert_eq!(pin.check("2468", S(7)), PinCheck::Accepted);
        assert_eq!(
            pin.check("0000", S(8)),
            PinCheck::Wrong { wait: S(1) },
            "success resets the backoff"
        );
        assert_eq!(StaffPin::backoff(30), S(256));
        assert_eq!(StaffPin::new(None).check("2468", S(0)), PinCheck::NoPin);
    }
}
