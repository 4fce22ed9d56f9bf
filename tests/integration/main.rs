//! All integration tests in one binary (one link step): the HTTP protocol through `oneshot`,
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly at the first broken step"
)]
//! the real binary over a socket, extraction on articles.

mod articles;
mod binary;
mod extract;
mod protocol;
mod queries;
