use super::*;

/// Monday 23 Nov 2026, 10:00 in CET (09:00 UTC).
fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

fn cet() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("valid")
}

/// `d h:m` in CET, November 2026 (December for d > 30).
fn local_at(d: u32, h: u32, m: u32) -> Instant {
    let (month, day) = if d > 30 { (12, d - 30) } else { (11, d) };
    cet()
        .with_ymd_and_hms(2026, month, day, h, m, 0)
        .single()
        .expect("valid")
        .with_timezone(&Utc)
}

#[test]
fn forms_and_flags_accept_what_people_type() {
    let cases = [
        // Relative.
        ("+30m", local_at(23, 10, 30)),
        ("+4h", local_at(23, 14, 0)),
        ("+2d", local_at(25, 10, 0)),
        ("+1w", local_at(30, 10, 0)),
        ("+2w", local_at(37, 10, 0)),
        ("+2 days", local_at(25, 10, 0)),
        ("+45 min", local_at(23, 10, 45)),
        ("now", local_at(23, 10, 0)),
        // A time of day alone: today when still ahead, else tomorrow.
        ("10:30", local_at(23, 10, 30)),
        ("10:00", local_at(24, 10, 0)),
        ("9:15", local_at(24, 9, 15)),
        ("15", local_at(23, 15, 0)),
        ("2pm", local_at(23, 14, 0)),
        ("2:30 PM", local_at(23, 14, 30)),
        ("9am", local_at(24, 9, 0)),
        ("12am", local_at(24, 0, 0)),
        ("12pm", local_at(23, 12, 0)),
        // A day with or without a time.
        ("today 15:30", local_at(23, 15, 30)),
        ("today 8:00", local_at(23, 8, 0)),
        ("today", local_at(23, 0, 0)),
        ("tomorrow 9", local_at(24, 9, 0)),
        ("Tomorrow 14:45", local_at(24, 14, 45)),
        ("tomorrow", local_at(24, 0, 0)),
        ("fri", local_at(27, 0, 0)),
        ("Friday 10:00", local_at(27, 10, 0)),
        ("wed 9", local_at(25, 9, 0)),
        // Today's own name: this day while the time is ahead, else next week.
        ("mon 14:00", local_at(23, 14, 0)),
        ("mon 9:00", local_at(30, 9, 0)),
        ("monday", local_at(30, 0, 0)),
        ("sun", local_at(29, 0, 0)),
        // Dates and date-times in the calendar's offset; RFC 3339 in its own.
        ("2026-11-25", local_at(25, 0, 0)),
        ("2026-11-25 14:30", local_at(25, 14, 30)),
        ("2026-11-25T14:30", local_at(25, 14, 30)),
        ("2026-11-25 9", local_at(25, 9, 0)),
        ("2026-12-01 2pm", local_at(31, 14, 0)),
        ("2026-11-25T14:30:00Z", local_at(25, 15, 30)),
        ("2026-11-25T14:30:00+01:00", local_at(25, 14, 30)),
        ("  +30m  ", local_at(23, 10, 30)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_when(text, now(), cet()), Ok(want), "{text}");
    }
}

#[test]
fn nonsense_is_refused_with_what_is_accepted() {
    for bad in [
        "",
        "soon",
        "+",
        "+2y",
        "+99999999999999d",
        "2026-13-01",
        "20266-01-01",
        "25:00",
        "10:5",
        "10:60",
        "13pm",
        "0am",
        "fri 25:00",
        "fri at 9",
        "yesterday",
        "9999-01-01",
    ] {
        let err = parse_when(bad, now(), cet()).expect_err(bad);
        assert!(err.contains("10:00, today 15:30"), "{bad}: {err}");
    }
}

#[test]
fn absolute_times_do_not_need_the_present() {
    let utc = FixedOffset::east_opt(0).expect("valid");
    let midnight = Utc
        .with_ymd_and_hms(2026, 11, 23, 0, 0, 0)
        .single()
        .expect("valid");
    assert_eq!(parse_absolute("2026-11-23", utc), Ok(midnight));
    assert_eq!(parse_absolute("2026-11-23T00:00:00Z", cet()), Ok(midnight));
    assert_eq!(
        parse_absolute("2026-11-23 01:00", cet()),
        Ok(midnight),
        "a date and time is in the given offset"
    );
    for relative in ["+2d", "10:00", "tomorrow", "fri"] {
        assert!(parse_absolute(relative, utc).is_err(), "{relative}");
    }
}

#[test]
fn the_preview_says_when_relative_to_now() {
    let cases = [
        (local_at(23, 10, 0), "Mon 23 Nov 10:00 (now)"),
        (local_at(23, 10, 25), "Mon 23 Nov 10:25 (in 25 min)"),
        (local_at(23, 15, 30), "Mon 23 Nov 15:30 (today, in 5 h)"),
        (local_at(23, 8, 0), "Mon 23 Nov 08:00 (today, 2 h ago)"),
        (local_at(23, 9, 50), "Mon 23 Nov 09:50 (10 min ago)"),
        (local_at(24, 9, 0), "Tue 24 Nov 09:00 (tomorrow, in 23 h)"),
        (
            local_at(22, 16, 0),
            "Sun 22 Nov 16:00 (yesterday, 18 h ago)",
        ),
        (local_at(27, 10, 0), "Fri 27 Nov 10:00 (in 4 days)"),
        (local_at(35, 10, 0), "Sat 5 Dec 10:00 (in 12 days)"),
        (local_at(20, 10, 0), "Fri 20 Nov 10:00 (3 days ago)"),
    ];
    for (at, want) in cases {
        assert_eq!(describe(at, now(), cet()), want);
    }
    let next_year = Utc
        .with_ymd_and_hms(2027, 1, 4, 9, 0, 0)
        .single()
        .expect("valid");
    assert_eq!(
        describe(next_year, now(), cet()),
        "Mon 4 Jan 2027 10:00 (in 42 days)"
    );
}
