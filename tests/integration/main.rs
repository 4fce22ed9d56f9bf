//! All integration tests in one binary (one link step): the HTTP protocol through `oneshot`,
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly at the first broken step"
)]
#![allow(
    clippy::format_push_string,
    clippy::format_collect,
    clippy::too_many_lines,
    clippy::cast_precision_loss,
    reason = "tests build hostile inputs by hand and list their cases in one place"
)]
//! the real binary over a socket, extraction on articles.

mod articles;
mod common;
mod binary;
mod extract;
mod hardening;
mod identity;
mod linking;
mod protocol;
mod queries;
mod scorer;
mod summary;
