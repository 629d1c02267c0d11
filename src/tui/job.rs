//! Work that runs off the UI thread while the screen keeps redrawing: reading a list, reading a
//! later list for the follow-up, and writing an export. A [`Job`] runs a closure on a thread and
//! carries its result, a progress count the work bumps, and a cancel flag the work looks at. A
//! panic in the work ends the job as an error message (never a crash, and never with a CPR
//! number in it: the panic's text is masked).

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// What the work sees of its job: where to count its progress and whether it should stop.
pub struct Progress {
    count: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Progress {
    /// The counter the work bumps (rows written, say).
    pub fn counter(&self) -> &AtomicUsize {
        &self.count
    }

    /// Set when the user asked the work to stop.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Whether the user asked the work to stop (the export asks through its
    /// [`RowProgress`](crate::export::RowProgress)).
    #[cfg(test)]
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A piece of work on its own thread, until its result is taken.
pub struct Job<T> {
    rx: Receiver<Result<T, String>>,
    count: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    started: Instant,
    /// Told when the thread ends without a result (it cannot, short of an abort).
    stopped: String,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread. A panic in it becomes the error `panicked(detail)`, the
    /// detail being the panic's own text with anything CPR-like masked; `stopped` is the error
    /// should the thread vanish without a word.
    pub fn spawn<W, P>(work: W, panicked: P, stopped: String) -> Job<T>
    where
        W: FnOnce(&Progress) -> Result<T, String> + Send + 'static,
        P: FnOnce(&str) -> String + Send + 'static,
    {
        let (tx, rx) = mpsc::channel();
        let count = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Progress {
            count: Arc::clone(&count),
            cancel: Arc::clone(&cancel),
        };
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| work(&progress)))
                .unwrap_or_else(|payload| Err(panicked(&panic_detail(payload.as_ref()))));
            let _ = tx.send(result);
        });
        Job {
            rx,
            count,
            cancel,
            started: Instant::now(),
            stopped,
        }
    }

    /// The result, once the work has ended; None while it runs.
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(self.stopped.clone())),
        }
    }

    /// Waits for the work to end (tests, benchmarks, and quitting while an export runs).
    pub fn wait(&self) -> Result<T, String> {
        self.rx.recv().unwrap_or_else(|_| Err(self.stopped.clone()))
    }

    /// How far the work has counted.
    pub fn progress(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }

    /// Asks the work to stop; it decides where that is safe.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// A panic's text (a `&str` or a `String` payload), CPR-like numbers masked.
fn panic_detail(payload: &(dyn std::any::Any + Send)) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("?");
    crate::domain::cpr::mask_in_text(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stopped() -> String {
        "stopped".to_string()
    }

    #[test]
    fn the_result_and_the_count_come_back() {
        let job = Job::spawn(
            |p: &Progress| {
                p.counter().fetch_add(7, Ordering::Relaxed);
                Ok(42)
            },
            |d| format!("panic: {d}"),
            stopped(),
        );
        assert_eq!(job.wait(), Ok(42));
        assert_eq!(job.progress(), 7);
    }

    #[test]
    fn a_panic_in_the_work_is_an_error_without_the_cpr() {
        let job: Job<()> = Job::spawn(
            |_| panic!("bad row for 010190-2000"),
            |d| format!("internal error: {d}"),
            stopped(),
        );
        let err = job.wait().unwrap_err();
        assert!(
            err.starts_with("internal error: bad row for 010190-"),
            "{err}"
        );
        assert!(!err.contains("2000"), "{err}");
    }

    #[test]
    fn the_work_sees_the_cancel() {
        let job = Job::spawn(
            |p: &Progress| {
                while !p.cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
                Ok("stopped on request")
            },
            |d| d.to_string(),
            stopped(),
        );
        assert!(job.poll().is_none());
        job.cancel();
        assert!(job.is_cancelled());
        assert_eq!(job.wait(), Ok("stopped on request"));
    }
}
