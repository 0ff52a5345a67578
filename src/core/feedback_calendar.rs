//! The feedback calendar: booked interviews and interviews due (by cadence or after a
//! deliverable) over a window of time, with the spacing rule's quiet windows.
