//! Bearer tokens: reading the `Authorization` header, and slowing down a client that guesses.

use crate::http::error::ApiError;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The token of an `Authorization` header with the `Bearer` scheme, whose name is
/// case-insensitive (RFC 9110, section 11.1).
pub fn bearer(value: &str) -> Option<&str> {
    let value = value.trim_start();
    let (scheme, rest) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
}

/// Failures a client may make before it is slowed down.
const FREE_FAILURES: u32 = 5;
/// The longest a client is locked out after failures.
const MAX_LOCKOUT: Duration = Duration::from_mins(1);
/// How many clients are remembered (the oldest are forgotten past it).
const MAX_CLIENTS: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Record {
    failures: u32,
    /// No attempt is checked before this instant.
    locked_until: Option<Instant>,
    last: Instant,
}

/// Failed authorisations per client address. After [`FREE_FAILURES`] failures a client is
/// locked out for a time that doubles with each further failure (up to a minute): its attempts
/// are answered 429 without being checked, so guessing gets slow whatever the concurrency.
/// Each failure is also answered after a short delay. A success clears the record.
#[derive(Debug, Default)]
pub struct Throttle {
    clients: Mutex<HashMap<Option<IpAddr>, Record>>,
}

impl Throttle {
    /// Refuses a client that is locked out.
    pub fn check(&self, client: Option<IpAddr>) -> Result<(), ApiError> {
        let Ok(clients) = self.clients.lock() else {
            return Ok(());
        };
        if let Some(until) = clients.get(&client).and_then(|r| r.locked_until) {
            let now = Instant::now();
            if until > now {
                let secs = (until - now).as_secs() + 1;
                return Err(ApiError::TooManyAttempts(secs));
            }
        }
        Ok(())
    }

    /// Records a failure; returns how long to wait before answering it.
    pub fn failed(&self, client: Option<IpAddr>) -> Duration {
        let Ok(mut clients) = self.clients.lock() else {
            return Duration::from_millis(200);
        };
        let now = Instant::now();
        if clients.len() >= MAX_CLIENTS {
            // Forget the clients not seen for longest (cheap enough at this size, and rare).
            let mut by_age: Vec<_> = clients.iter().map(|(k, r)| (r.last, *k)).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(MAX_CLIENTS / 10) {
                clients.remove(&k);
            }
        }
        let record = clients.entry(client).or_insert(Record {
            failures: 0,
            locked_until: None,
            last: now,
        });
        record.failures += 1;
        record.last = now;
        if record.failures >= FREE_FAILURES {
            let exponent = (record.failures - FREE_FAILURES).min(6);
            let lockout = Duration::from_secs(1 << exponent).min(MAX_LOCKOUT);
            record.locked_until = Some(now + lockout);
        }
        Duration::from_millis(200)
    }

    /// Clears a client's record after a success.
    pub fn succeeded(&self, client: Option<IpAddr>) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.remove(&client);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_is_case_insensitive() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("BEARER abc"), Some("abc"));
        assert_eq!(bearer("bearer   abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearerabc"), None);
    }

    #[test]
    fn a_guessing_client_is_locked_out_and_others_are_not() {
        let t = Throttle::default();
        let guesser = Some(IpAddr::from([10, 0, 0, 1]));
        for _ in 0..FREE_FAILURES {
            assert!(t.check(guesser).is_ok());
            t.failed(guesser);
        }
        assert!(matches!(t.check(guesser), Err(ApiError::TooManyAttempts(_))));
        assert!(t.check(Some(IpAddr::from([10, 0, 0, 2]))).is_ok());
        t.succeeded(guesser);
        assert!(t.check(guesser).is_ok());
    }
}
