//! The dispatch: one handler per subcommand, each given the store opened the way it needs.

use super::args::ImportCommand;
use super::{
    Command, Invocation, action, bench, calendar, check, check_repair, customer, customers, demo,
    export, followup, import, import_responses, inbox, interview, letter, overview, queue, report,
    review, staff, stats,
};
use crate::runtime::Hub;
use std::process::ExitCode;

/// Runs a parsed command line: builds the one clock and the context, opens the store once as
/// the command needs it (to read, to write, or in its own way for `check` and `bench`), and
/// hands the handler the session.
///
/// Commands that depend on the rules read them first (`ctx.rules()?` below, or a time flag,
/// which is read in the working week's offset): a bad config stops them before the store is
/// touched. Commands that read a file (imports) or check their arguments first do that before
/// the store is opened, so a refused file or flag creates and locks nothing.
///
/// `hub` is set when the command runs inside the open dashboard: then it leases the
/// dashboard's store instead of opening one (see `Context::in_hub`), and the string is what the
/// dashboard says if the command changed something.
pub fn run(inv: Invocation, hub: Option<(Hub, String)>) -> anyhow::Result<ExitCode> {
    let clock = inv.clock();
    let mut ctx = inv.context(&*clock);
    let in_hub = hub.is_some();
    if let Some((hub, said)) = hub {
        ctx = ctx.in_hub(hub, said);
    }
    let opens_the_dashboard = inv.opens_the_dashboard() && !in_hub;
    match inv.command {
        None if opens_the_dashboard => super::hub::dashboard(&ctx, clock),
        None | Some(Command::Status) => {
            ctx.rules()?;
            overview::run(ctx.reading()?)
        }
        Some(Command::Demo {
            customers,
            seed,
            force,
        }) => demo::run(ctx.writing()?, customers as usize, seed, force),
        Some(Command::Import(ImportCommand::Customers {
            file,
            dry_run,
            strict,
            currency,
        })) => {
            let input = import::read_customers(&ctx, &file, &currency)?;
            import::customers(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Inbox {
            dir,
            settle,
            currency,
        }) => inbox::run(&ctx, dir, settle, &currency),
        Some(Command::Import(ImportCommand::Responses {
            file,
            map,
            dry_run,
            strict,
        })) => {
            let input = import_responses::read(&ctx, &file, &map)?;
            import::responses(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::People {
            file,
            dry_run,
            strict,
        })) => {
            let input = import::read_people(&file)?;
            import::people(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::Monitors {
            file,
            map,
            dry_run,
            strict,
        })) => {
            let input = super::import_monitors::read(&ctx, &file, &map)?;
            super::import_monitors::run(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::Requests {
            file,
            from,
            map,
            utc_offset,
            dry_run,
            strict,
        })) => {
            let input = super::import_requests::read(
                &ctx,
                &file,
                from,
                map.as_deref(),
                utc_offset.as_deref(),
            )?;
            super::import_requests::run(ctx.writing()?, input, import::Mode { dry_run, strict })
        }
        Some(Command::Import(ImportCommand::Backup { file })) => {
            let checked = import::read_backup(&ctx, &file)?;
            import::backup(ctx.writing()?, &file, checked)
        }
        Some(Command::Export { what, format, crm }) => {
            export::run(ctx.reading()?, what, format, crm)
        }
        Some(Command::Check {
            reset_guard,
            repair: false,
        }) => check::run(&ctx, reset_guard),
        Some(Command::Check { repair: true, .. }) => check_repair::run(&ctx),
        Some(Command::Customers { format }) => {
            ctx.rules()?;
            customers::run(ctx.reading()?, format)
        }
        Some(Command::Customer { customer: which }) => {
            ctx.rules()?;
            customer::run(ctx.reading()?, &which)
        }
        Some(Command::Queue { format, all }) => {
            ctx.rules()?;
            queue::run(ctx.reading_open()?, format, all)
        }
        Some(Command::Snooze {
            key,
            until,
            reason,
            by,
        }) => {
            let until = ctx.time(&until)?;
            queue::snooze(ctx.writing()?, &key, until, &reason, by.as_deref())
        }
        Some(Command::Interview(cmd)) => {
            use interview::InterviewCommand;
            match cmd {
                InterviewCommand::Schedule {
                    who,
                    at,
                    minutes,
                    location,
                    confirm,
                } => {
                    let at = ctx.time(&at)?;
                    interview::refuse_past(&ctx, at, confirm)?;
                    interview::schedule(ctx.writing()?, &who, at, minutes, location, confirm)
                }
                InterviewCommand::Record { who, at, answers } => {
                    let at = ctx.time(&at)?;
                    interview::record(ctx.writing()?, &who, at, &answers)
                }
                InterviewCommand::Complete { id, answers, at } => {
                    let at = at.map(|a| ctx.time(&a)).transpose()?;
                    ctx.rules()?;
                    interview::complete(ctx.writing()?, &id, &answers, at)
                }
                InterviewCommand::Mark { id, step, at } => {
                    let at = at.map(|a| ctx.time(&a)).transpose()?;
                    interview::mark(ctx.writing()?, &id, step, at)
                }
                InterviewCommand::Reschedule { id, at, confirm } => {
                    let at = ctx.time(&at)?;
                    interview::reschedule(ctx.writing()?, &id, at, confirm)
                }
                InterviewCommand::Cancel { id, reason } => {
                    interview::cancel(ctx.writing()?, &id, &reason)
                }
                InterviewCommand::Invitation {
                    id,
                    out,
                    template,
                    mark,
                } => {
                    ctx.rules()?;
                    interview::invitation(
                        ctx.writing()?,
                        &id,
                        out.as_deref(),
                        template.as_deref(),
                        mark,
                    )
                }
            }
        }
        Some(Command::Followup(cmd)) => {
            if cmd.uses_rules() {
                ctx.rules()?;
            }
            followup::run(ctx.writing()?, cmd)
        }
        Some(Command::Action(cmd)) => action::run(ctx.writing()?, cmd),
        Some(Command::Bench(cmd)) => bench::run(&ctx, cmd),
        Some(Command::Report(cmd)) => {
            ctx.rules()?;
            // A report that records nothing only reads, so it also works on read-only media;
            // one that records keeps the store (and its lock) from the reading to the
            // recording.
            if cmd.records() {
                let session = ctx.writing()?;
                report::run(&ctx, &session.data, Some(&session), cmd)
            } else {
                report::run(&ctx, &ctx.reading()?.data, None, cmd)
            }
        }
        Some(Command::Letter(args)) => {
            ctx.rules()?;
            // Only `--record` writes; a letter printed or saved as a file only reads.
            if args.record {
                let session = ctx.writing()?;
                letter::run(&ctx, &session.data, Some(&session), args)
            } else {
                letter::run(&ctx, &ctx.reading()?.data, None, args)
            }
        }
        Some(Command::Staff(cmd)) => match cmd {
            staff::StaffCommand::List { format, all } => {
                ctx.rules()?;
                let session = ctx.reading()?;
                staff::list(&ctx, &session.data, format, all)
            }
            cmd => staff::run(ctx.writing()?, cmd),
        },
        Some(Command::Stats(args)) => {
            let since = stats::since(&ctx, &args)?;
            ctx.rules()?;
            stats::run(ctx.reading()?, &args, since)
        }
        Some(Command::Review(args)) => {
            let since = review::week(&ctx, &args)?;
            review::run(ctx.reading()?, &args, since)
        }
        Some(Command::Calendar(args)) => {
            ctx.rules()?;
            calendar::run(ctx.reading()?, &args)
        }
        Some(Command::Deliverable { customer, name, at }) => {
            let at = at.map(|a| ctx.time(&a)).transpose()?;
            action::deliverable(ctx.writing()?, &customer, &name, at)
        }
        Some(Command::Request(super::request::RequestCommand::List {
            customer,
            open,
            format,
        })) => super::request::list(ctx.reading()?, customer.as_deref(), open, format),
        Some(Command::Request(cmd)) => super::request::run(ctx.writing()?, cmd),
    }
}
