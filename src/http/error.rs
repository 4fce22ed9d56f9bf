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
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Syntax(m) => Self::BadRequest(format!("the SPARQL text is not valid: {m}")),
            StoreError::Storage(m) => Self::Internal(m),
            StoreError::Io { path, source } => Self::Internal(format!("{}: {source}", path.display())),
            StoreError::Cancelled => Self::Timeout(0),
            other => Self::BadRequest(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let Self::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut response = (status, format!("{self}\n")).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
