//! The one error type of the HTTP edge and its mapping to status codes.
//!
//! 4xx answers say what was wrong; 5xx answers say little and are logged once here.

use crate::store::StoreError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An error answered to an HTTP client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The request is malformed (bad SPARQL, bad parameter, bad RDF).
    #[error("{0}")]
    BadRequest(String),
    /// Credentials are missing.
    #[error("{0}")]
    Unauthorized(String),
    /// Credentials are wrong, or the operation is switched off.
    #[error("{0}")]
    Forbidden(String),
    /// Nothing at this address.
    #[error("{0}")]
    NotFound(String),
    /// The method is not allowed on this route.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// No representation matches the `Accept` header.
    #[error("{0}")]
    NotAcceptable(String),
    /// The request body is larger than the configured limit.
    #[error("the request body is larger than the limit of {0} bytes")]
    TooLarge(usize),
    /// The request body's media type is not one this route reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The query ran longer than the time limit and was stopped.
    #[error("the query was stopped after {0} s, the time limit of this endpoint; narrow it or add a LIMIT")]
    Timeout(u64),
    /// An article's stored graphs are damaged (a graph deleted or edited by hand).
    #[error("{0}")]
    Damaged(String),
    /// The article is larger than the limit.
    #[error("{0}")]
    ArticleTooLarge(String),
    /// The query needed more memory than one query may take, and was stopped.
    #[error(
        "the query was stopped: it needed more than {0} MB of memory, the limit of one query on this endpoint; narrow it, add a LIMIT, or aggregate less at once"
    )]
    MemoryLimit(usize),
    /// Too many queries are evaluated at once.
    #[error("{0}")]
    Busy(String),
    /// An update ran longer than the time limit and was stopped (nothing was changed).
    #[error("the update was stopped after {0} s, the time limit of this endpoint; nothing was changed")]
    UpdateTimeout(u64),
    /// A client failed to authorise too often and must wait.
    #[error("too many failed authorisations from this address; try again in {0} s")]
    TooManyAttempts(u64),
    /// The request is well-formed but asks for more work than one request may take.
    #[error("{0}")]
    Unprocessable(String),
    /// The disk that holds the store is full: the write did not happen.
    #[error(
        "the disk that holds the store is full, so nothing was written ({0}); free some space and try again"
    )]
    DiskFull(String),
    /// The store could not do the operation (an I/O error): nothing was written.
    #[error("the store could not complete the operation, so nothing was written: {0}")]
    Storage(String),
    /// Something failed on our side; the detail is logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            Self::TooLarge(_) | Self::ArticleTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Damaged(_) => StatusCode::CONFLICT,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Timeout(_)
            | Self::MemoryLimit(_)
            | Self::Busy(_)
            | Self::UpdateTimeout(_)
            | Self::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::DiskFull(_) => StatusCode::INSUFFICIENT_STORAGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Syntax(m) => Self::BadRequest(format!("the SPARQL text is not valid: {m}")),
            StoreError::Storage(m) if crate::store::is_disk_full(&m) => Self::DiskFull(m),
            StoreError::Storage(m) => Self::Storage(m),
            StoreError::Io { path, source } => Self::Internal(format!("{}: {source}", path.display())),
            StoreError::Cancelled => Self::Timeout(0),
            other => Self::BadRequest(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        match &self {
            Self::Internal(detail) => tracing::error!(%detail, "internal error"),
            Self::Storage(detail) | Self::DiskFull(detail) => tracing::error!(%detail, "storage error"),
            _ => {}
        }
        let retry_after = match &self {
            Self::Busy(_) | Self::Timeout(_) | Self::MemoryLimit(_) => Some(1),
            Self::TooManyAttempts(secs) => Some(*secs),
            _ => None,
        };
        let mut response = (status, format!("{self}\n")).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        if let Some(secs) = retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
