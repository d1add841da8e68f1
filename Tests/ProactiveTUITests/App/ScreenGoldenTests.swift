import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Whole screens of the fixture (`AppFixture`), no colour. The expected text was rendered once, then read line by
/// line against the fixture before it was frozen. What was checked, in every screen:
/// - header: Total 6,430 · Processed 5,550 (86.3%) · Updated 16:45:30 (readAt in UTC); filter line
///   `2026-11-02..2026-11-06 · UTC · Direction: Outgoing`; live line Pending 400 · In progress 160 · 240/h ·
///   Clear in 1h 40m (6,000 s) · Abandoned/attempted 10.8% (600/5,550) · Connect 64.9% (3,600/5,550);
/// - status chart: five daily columns 11-02..11-06, the tallest 11-03 (1,580), the lowest 11-04 (1,010), 11-06 with
///   Pending at the bottom; legend Pending 400, InProcess 160, Complete 5,550, Expired 290, Error 30 (sum 6,430);
/// - donuts: centre 5.5k; LiveAnswer 54.1%, NoAnswer 27.0%, Abandoned 10.8%, AnsweringMachine 8.1%;
///   Progressive 57.7%, Predictive 32.4%, Preview 9.9% (each sums to 100.0%), with counts where the panel is wide;
/// - tables: configurations by total 3,100 / 2,030 / 1,300 (processed 2,700 / 1,750 / 1,100, `-` for no status),
///   the CJK name 16 columns wide and padded like the others; queues 4,000 / 2,430; dates 1,320 1,580 1,010 1,400
///   1,120 over 1,200 1,500 950 1,300 600;
/// - every line at most the screen width in display columns, and the vertical borders of the sidebar and panels
///   in the same columns on every row (checked with a script over the rendered text);
/// - nothing cut inside a wide character; ASCII shows `?` for non-ASCII data (the en dash and the CJK name).
@Suite struct ScreenGoldenTests {
    let data = AppFixture.data

    func screen(_ width: Int, _ height: Int, unicode: Bool = true, state: UIState = UIState()) -> Grid {
        let theme: Theme = unicode ? .unicode(colors: false) : .ascii(colors: false)
        return ScreenComposer.compose(data: data, state: state, context: ScreenContext(theme: theme), width: width,
                                      height: height).grid
    }

    @Test func snapshotIsTheComposedScreen() {
        #expect(TextSnapshot.render(data: data, width: 120, height: 35, unicode: true) == screen(120, 35).lines())
        #expect(TextSnapshot.render(data: data, width: 120, height: 35, unicode: false) == screen(120, 35, unicode: false).lines())
    }

    /// Full layout: sidebar with every filter summarised, six panels, key hints.
    @Test func unicode120x35() {
        expectLines(screen(120, 35), [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)                                              Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pending 400 · In progress 160 · Throughput 240/h · Clear in 1h 40m · Abandoned/attempted 10.8% · Connect 64.9%",
            "┌ Filters ───────────────────┐┌ 1 Total deliveries by status ─────────────┐┌ 2 By result ───────┐┌ 3 By dial mode ─────┐",
            "│▸ Duration: Custom: 2026-11…││2k┤                                        ││      ▞▞▞▞▚▚▚▚      ││      ▒▒▒▒▓▓▓▓       │",
            "│▸ Time zone: UTC            ││  │        ▁▁▁▁▁▁▁                         ││    ▙▙▙▞▞▞▚▚▚▚▚▚    ││   ░░░▒▒▒▒▓▓▓▓▓▓▓    │",
            "│▸ Channel: all              ││  │        ▒▒▒▒▒▒▒         ▂▂▂▂▂▂▂         ││   ▙▙▙▙      ▚▚▚▚   ││  ░░░░░▒▒▒▓▓▓▓▓▓▓▓   │",
            "│▸ Queue: all                ││  │░░░░░░░ ▒▒▒▒▒▒▒         ▒▒▒▒▒▒▒         ││  ░░░░        ▚▚▚▚  ││ ░░░░░░░    ▓▓▓▓▓▓▓  │",
            "│▸ Configuration: all        ││1k┤▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▄▄▄▄▄▄▄ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ││  ░░░░  5.5k  ▚▚▚▚  ││ ░░░░░░      ▓▓▓▓▓▓  │",
            "│▸ Conversation type: all    ││  │▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ││   ░░░░      ▚▚▚▚   ││ ░░░░░░░    ▓▓▓▓▓▓▓  │",
            "│▸ Direction: Outgoing       ││  │▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ││    ░░░░░▚▚▚▚▚▚▚    ││  ░░░░░░▓▓▓▓▓▓▓▓▓▓   │",
            "│▸ Dial mode: all            ││  │▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ███████ ││      ░░▚▚▚▚▚▚      ││   ░░░░▓▓▓▓▓▓▓▓▓▓    │",
            "│▸ Delivery status: all      ││ 0┤▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒ ███████ ││▚ LiveAnswer   54.1%││      ▓▓▓▓▓▓▓▓       │",
            "│▸ Delivery result: all      ││   11-02   11-03   11-04   11-05   11-06   ││░ NoAnswer     27.0%││▓ Progressive  57.7% │",
            "│                            ││█ Pending 400  ▓ InProcess 160             ││▙ Abandoned    10.8%││░ Predictive   32.4% │",
            "│                            ││▒ Complete 5,550  ░ Expired 290  ▞ Error 30││▞ AnsweringM…   8.1%││▒ Preview       9.9% │",
            "│                            │└───────────────────────────────────────────┘└────────────────────┘└─────────────────────┘",
            "│                            │┌ 4 Delivery metrics by configuration ─────────────┐┌ 5 Delivery metrics by queue ───────┐",
            "│                            ││Configuration      Status Priority Total Processed││Queue                Total Processed│",
            "│                            ││Relance clients –… Active High     3,100     2,700││Collections Q        4,000     3,500│",
            "│                            ││年末キャンペーン   Active Normal   2,030     1,750││Renewals Q           2,430     2,050│",
            "│                            ││Win-back survey    -      -        1,300     1,100││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            ││                                                  ││                                    │",
            "│                            │└───────────────────────────────────────────── 1/3 ┘└─────────────────────────────── 1/2 ┘",
            "│                            │┌ 6 Delivery metrics by date ────────────────────────────────────────────────────────────┐",
            "│                            ││             11-02  11-03  11-04  11-05  11-06                                          │",
            "│                            ││Total        1,320  1,580  1,010  1,400  1,120                                          │",
            "│                            ││Processed    1,200  1,500    950  1,300    600                                          │",
            "└────────────────────────────┘└────────────────────────────────────────────────────────────────────────────────────────┘",
            "Tab pane · ←→↑↓ select · Enter filter to selection · x list · 1-7 zoom · f sidebar · C clear all · ? keys · q quit",
        ])
    }

    /// Compact: the sidebar folds away, a tab strip, one panel; the footer drops whole hints, keeping `? keys`
    /// and `q quit`.
    @Test func unicode80x24() {
        expectLines(screen(80, 24), [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)      Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pend 400 · InProg 160 · Thru 240/h · Clear 1h 40m · Aband/att 10.8% · Conn 64.9%",
            "1 Status 2 Result 3 Dial mode 4 Configurations 5 Queues 6 Dates 7 Compliance",
            "┌ 1 Total deliveries by status ────────────────────────────────────────────────┐",
            "│2k┤                                                                           │",
            "│  │                                                                           │",
            "│  │                                                                           │",
            "│  │            ▇▇▇▇▇▇▇▇▇▇▇                                                    │",
            "│  │            ░░░░░░░░░░░             ▄▄▄▄▄▄▄▄▄▄▄                            │",
            "│  │▇▇▇▇▇▇▇▇▇▇▇ ▒▒▒▒▒▒▒▒▒▒▒             ▒▒▒▒▒▒▒▒▒▒▒                            │",
            "│  │░░░░░░░░░░░ ▒▒▒▒▒▒▒▒▒▒▒             ▒▒▒▒▒▒▒▒▒▒▒ ▃▃▃▃▃▃▃▃▃▃▃                │",
            "│1k┤▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▅▅▅▅▅▅▅▅▅▅▅ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▓▓▓▓▓▓▓▓▓▓▓                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                │",
            "│ 0┤▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                │",
            "│   11-02       11-03       11-04       11-05       11-06                      │",
            "│█ Pending 400  ▓ InProcess 160  ▒ Complete 5,550  ░ Expired 290  ▞ Error 30   │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "Tab pane · ←→↑↓ select · Enter filter to selection · x list · ? keys · q quit",
        ])
    }

    @Test func ascii120x35() {
        expectLines(screen(120, 35, unicode: false), [
            "Proactive Outbound | Total 6,430 | Processed 5,550 (86.3%)                                              Updated 16:45:30",
            "2026-11-02..2026-11-06 | UTC | Direction: Outgoing",
            "Pending 400 | In progress 160 | Throughput 240/h | Clear in 1h 40m | Abandoned/attempted 10.8% | Connect 64.9%",
            "+ Filters -------------------++ 1 Total deliveries by status -------------++ 2 By result -------++ 3 By dial mode -----+",
            "|> Duration: Custom: 2026-11~||2k+                                        ||      ****====      ||      %%%%@@@@       |",
            "|> Time zone: UTC            ||  |                                        ||    :::***======    ||   +++%%%%@@@@@@@    |",
            "|> Channel: all              ||  |        %%%%%%%                         ||   ::::      ====   ||  +++++%%%@@@@@@@@   |",
            "|> Queue: all                ||  |+++++++ %%%%%%%         %%%%%%%         ||  ++++        ====  || +++++++    @@@@@@@  |",
            "|> Configuration: all        ||1k+%%%%%%% %%%%%%% %%%%%%% %%%%%%% %%%%%%% ||  ++++  5.5k  ====  || ++++++      @@@@@@  |",
            "|> Conversation type: all    ||  |%%%%%%% %%%%%%% %%%%%%% %%%%%%% %%%%%%% ||   ++++      ====   || +++++++    @@@@@@@  |",
            "|> Direction: Outgoing       ||  |%%%%%%% %%%%%%% %%%%%%% %%%%%%% %%%%%%% ||    +++++=======    ||  ++++++@@@@@@@@@@   |",
            "|> Dial mode: all            ||  |%%%%%%% %%%%%%% %%%%%%% %%%%%%% ####### ||      ++======      ||   ++++@@@@@@@@@@    |",
            "|> Delivery status: all      || 0+%%%%%%% %%%%%%% %%%%%%% %%%%%%% ####### ||= LiveAnswer   54.1%||      @@@@@@@@       |",
            "|> Delivery result: all      ||   11-02   11-03   11-04   11-05   11-06   ||+ NoAnswer     27.0%||@ Progressive  57.7% |",
            "|                            ||# Pending 400  @ InProcess 160             ||: Abandoned    10.8%||+ Predictive   32.4% |",
            "|                            ||% Complete 5,550  + Expired 290  * Error 30||* AnsweringM~   8.1%||% Preview       9.9% |",
            "|                            |+-------------------------------------------++--------------------++---------------------+",
            "|                            |+ 4 Delivery metrics by configuration -------------++ 5 Delivery metrics by queue -------+",
            "|                            ||Configuration      Status Priority Total Processed||Queue                Total Processed|",
            "|                            ||Relance clients -~ Active High     3,100     2,700||Collections Q        4,000     3,500|",
            "|                            ||????????           Active Normal   2,030     1,750||Renewals Q           2,430     2,050|",
            "|                            ||Win-back survey    -      -        1,300     1,100||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            ||                                                  ||                                    |",
            "|                            |+--------------------------------------------- 1/3 ++------------------------------- 1/2 +",
            "|                            |+ 6 Delivery metrics by date ------------------------------------------------------------+",
            "|                            ||             11-02  11-03  11-04  11-05  11-06                                          |",
            "|                            ||Total        1,320  1,580  1,010  1,400  1,120                                          |",
            "|                            ||Processed    1,200  1,500    950  1,300    600                                          |",
            "+----------------------------++----------------------------------------------------------------------------------------+",
            "Tab pane | arrows select | Enter filter to selection | x list | 1-7 zoom | f sidebar | C clear all | ? keys | q quit",
        ])
    }

    @Test func belowTheMinimum() {
        expectLines(screen(50, 15), [
            "",
            "",
            "",
            "",
            "",
            "",
            "     Terminal too small: need at least 60×18,",
            "                    have 50×15",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
    }

    /// Wall mode at 200x60: one-line header, seven big-digit tiles (6,430 · 86% · 400 · 160 · 240 · 65% · 11%;
    /// connect 64.9% and abandoned 10.8% round to 65% and 11%), enlarged charts with counts in the legends,
    /// the two tables; no sidebar, no hints, no panel numbers, no date table.
    @Test func wall200x60() {
        expectLines(screen(200, 60, state: UIState(wall: true)), [
            "Proactive Outbound · 2026-11-02..2026-11-06 · UTC · Direction: Outgoing                                                                                                                 Updated 16:45:30",
            "",
            "     ███   █ █ ███ ███              ███ ███ █ █                 █ █ ███ ███                  █  ███ ███                 ███ █ █ ███                 ███ ███ █ █                  █   █  █ █",
            "     █     █ █   █ █ █              █ █ █     █                 █ █ █ █ █ █                 ██  █   █ █                   █ █ █ █ █                 █   █     █                 ██  ██    █",
            "     ███   ███ ███ █ █              ███ ███  █                  ███ █ █ █ █                  █  ███ █ █                 ███ ███ █ █                 ███ ███  █                   █   █   █",
            "     █ █ █   █   █ █ █              █ █ █ █ █                     █ █ █ █ █                  █  █ █ █ █                 █     █ █ █                 █ █   █ █                    █   █  █",
            "     ███ ,   █ ███ ███              ███ ███ █ █                   █ ███ ███                 ███ ███ ███                 ███   █ ███                 ███ ███ █ █                 ███ ███ █ █",
            "",
            "         Deliveries                  Processed                    Pending                   In progress               Processed / hour              Connect rate            Abandoned/attempted",
            "┌ Total deliveries by status ──────────────────────────────────────────────────────────────────────┐┌ Processed deliveries by result ────────────────┐┌ Processed deliveries by dial mode ─────────────┐",
            "│2k┤                                                                                               ││                 ▞▞▞▞▞▞▞▚▚▚▚▚▚▚                 ││                 ▒▒▒▒▒▒▒▓▓▓▓▓▓▓                 │",
            "│  │                                                                                               ││             ▞▞▞▞▞▞▞▞▞▞▞▚▚▚▚▚▚▚▚▚▚▚             ││             ▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓             │",
            "│  │                                                                                               ││          ▙▙▙▙▙▞▞▞▞▞▞▞▞▞▚▚▚▚▚▚▚▚▚▚▚▚▚▚          ││          ░▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓          │",
            "│  │                                                                                               ││        ▙▙▙▙▙▙▙▙▞▞▞▞▞▞▞▞▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚        ││       ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓       │",
            "│  │                                                                                               ││      ▙▙▙▙▙▙▙▙▙▙▙▞▞▞▞▞▞▞▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚      ││      ░░░░░░░░▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      │",
            "│  │            ░░░░░░░░░░░                                                                        ││     ▙▙▙▙▙▙▙▙▙▙▙▙▙▞          ▚▚▚▚▚▚▚▚▚▚▚▚▚▚     ││    ░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓    │",
            "│  │            ▒▒▒▒▒▒▒▒▒▒▒                                                                        ││    ▙▙▙▙▙▙▙▙▙▙▙▙                ▚▚▚▚▚▚▚▚▚▚▚▚    ││   ░░░░░░░░░░░░░░▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓   │",
            "│  │            ▒▒▒▒▒▒▒▒▒▒▒             ▆▆▆▆▆▆▆▆▆▆▆                                                ││   ░░░░▙▙▙▙▙▙▙                    ▚▚▚▚▚▚▚▚▚▚▚   ││  ░░░░░░░░░░░░░░░░▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  │",
            "│  │▇▇▇▇▇▇▇▇▇▇▇ ▒▒▒▒▒▒▒▒▒▒▒             ░░░░░░░░░░░                                                ││   ░░░░░░░░░▙                      ▚▚▚▚▚▚▚▚▚▚   ││  ░░░░░░░░░░░░░░░░░░▒      ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  │",
            "│  │░░░░░░░░░░░ ▒▒▒▒▒▒▒▒▒▒▒             ▒▒▒▒▒▒▒▒▒▒▒                                                ││  ░░░░░░░░░░                        ▚▚▚▚▚▚▚▚▚▚  ││ ░░░░░░░░░░░░░░░░░            ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒             ▒▒▒▒▒▒▒▒▒▒▒ ▄▄▄▄▄▄▄▄▄▄▄                                    ││  ░░░░░░░░░░                        ▚▚▚▚▚▚▚▚▚▚  ││ ░░░░░░░░░░░░░░░░              ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▁▁▁▁▁▁▁▁▁▁▁ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││  ░░░░░░░░░░          5.5k          ▚▚▚▚▚▚▚▚▚▚  ││ ░░░░░░░░░░░░░░░░              ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ │",
            "│1k┤▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ░░░░░░░░░░░ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││  ░░░░░░░░░░                        ▚▚▚▚▚▚▚▚▚▚  ││ ░░░░░░░░░░░░░░░░              ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││   ░░░░░░░░░░                      ▚▚▚▚▚▚▚▚▚▚   ││ ░░░░░░░░░░░░░░░░░            ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││   ░░░░░░░░░░░                    ▚▚▚▚▚▚▚▚▚▚▚   ││  ░░░░░░░░░░░░░░░░░░░      ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││    ░░░░░░░░░░░░                ▚▚▚▚▚▚▚▚▚▚▚▚    ││  ░░░░░░░░░░░░░░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││     ░░░░░░░░░░░░░░          ▚▚▚▚▚▚▚▚▚▚▚▚▚▚     ││   ░░░░░░░░░░░░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓   │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒                                    ││      ░░░░░░░░░░░░░░░▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚      ││    ░░░░░░░░░░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓    │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▓▓▓▓▓▓▓▓▓▓▓                                    ││        ░░░░░░░░░░░░▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚        ││      ░░░░░░░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                                    ││          ░░░░░░░░░░▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚          ││       ░░░░░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓       │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                                    ││             ░░░░░░▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚▚             ││          ░░░░░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓          │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                                    ││                 ░░▚▚▚▚▚▚▚▚▚▚▚▚                 ││             ░▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓             │",
            "│  │▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                                    ││▚ LiveAnswer        3,000 (54.1%)               ││                 ▓▓▓▓▓▓▓▓▓▓▓▓▓▓                 │",
            "│ 0┤▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒▒ ███████████                                    ││░ NoAnswer          1,500 (27.0%)               ││▓ Progressive  3,200 (57.7%)                    │",
            "│   11-02       11-03       11-04       11-05       11-06                                          ││▙ Abandoned           600 (10.8%)               ││░ Predictive   1,800 (32.4%)                    │",
            "│█ Pending 400  ▓ InProcess 160  ▒ Complete 5,550  ░ Expired 290  ▞ Error 30                       ││▞ AnsweringMachine     450 (8.1%)               ││▒ Preview         550 (9.9%)                    │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────┘└────────────────────────────────────────────────┘└────────────────────────────────────────────────┘",
            "┌ Delivery metrics by configuration ───────────────────────────────────────────────────────────────┐┌ Delivery metrics by queue ───────────────────────────────────────────────────────────────────────┐",
            "│Configuration                                                      Status Priority Total Processed││Queue                                                                              Total Processed│",
            "│Relance clients – Genève                                           Active High     3,100     2,700││Collections Q                                                                      4,000     3,500│",
            "│年末キャンペーン                                                   Active Normal   2,030     1,750││Renewals Q                                                                         2,430     2,050│",
            "│Win-back survey                                                    -      -        1,300     1,100││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "│                                                                                                  ││                                                                                                  │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────┘",
        ])
    }

    /// Wall mode at 120x35: all seven tiles still in big digits (the total's tile is wider than the others).
    @Test func wall120x35() {
        expectLines(screen(120, 35, state: UIState(wall: true)), [
            "Proactive Outbound · 2026-11-02..2026-11-06 · UTC · Direction: Outgoing                                 Updated 16:45:30",
            "",
            "  ███   █ █ ███ ███    ███ ███ █ █   █ █ ███ ███    █  ███ ███      ███ █ █ ███      ███ ███ █ █        █   █  █ █",
            "  █     █ █   █ █ █    █ █ █     █   █ █ █ █ █ █   ██  █   █ █        █ █ █ █ █      █   █     █       ██  ██    █",
            "  ███   ███ ███ █ █    ███ ███  █    ███ █ █ █ █    █  ███ █ █      ███ ███ █ █      ███ ███  █         █   █   █",
            "  █ █ █   █   █ █ █    █ █ █ █ █       █ █ █ █ █    █  █ █ █ █      █     █ █ █      █ █   █ █          █   █  █",
            "  ███ ,   █ ███ ███    ███ ███ █ █     █ ███ ███   ███ ███ ███      ███   █ ███      ███ ███ █ █       ███ ███ █ █",
            "     Deliveries         Processed      Pending     In progress   Processed / hour   Connect rate   Abandoned/attempted",
            "┌ Total deliveries by status ──────────────────────────────┐┌ Processed by result ───────┐┌ Processed by dial mode ────┐",
            "│2k┤                                                       ││          ▞▞▞▞▚▚▚▚          ││          ▒▒▒▒▓▓▓▓          │",
            "│  │           ▁▁▁▁▁▁▁▁▁▁                                  ││        ▙▙▙▞▞▞▚▚▚▚▚▚        ││       ░░░▒▒▒▒▓▓▓▓▓▓▓       │",
            "│  │           ▒▒▒▒▒▒▒▒▒▒            ▂▂▂▂▂▂▂▂▂▂            ││       ▙▙▙▙      ▚▚▚▚       ││      ░░░░░▒▒▒▓▓▓▓▓▓▓▓      │",
            "│  │░░░░░░░░░░ ▒▒▒▒▒▒▒▒▒▒            ▒▒▒▒▒▒▒▒▒▒            ││      ░░░░        ▚▚▚▚      ││     ░░░░░░░    ▓▓▓▓▓▓▓     │",
            "│1k┤▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▄▄▄▄▄▄▄▄▄▄ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ││      ░░░░  5.5k  ▚▚▚▚      ││     ░░░░░░      ▓▓▓▓▓▓     │",
            "│  │▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ││       ░░░░      ▚▚▚▚       ││     ░░░░░░░    ▓▓▓▓▓▓▓     │",
            "│  │▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ││        ░░░░░▚▚▚▚▚▚▚        ││      ░░░░░░▓▓▓▓▓▓▓▓▓▓      │",
            "│  │▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ██████████ ││          ░░▚▚▚▚▚▚          ││       ░░░░▓▓▓▓▓▓▓▓▓▓       │",
            "│ 0┤▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒▒▒ ██████████ ││▚ LiveAnswer   3,000 (54.1%)││          ▓▓▓▓▓▓▓▓          │",
            "│   11-02      11-03      11-04      11-05      11-06      ││░ NoAnswer     1,500 (27.0%)││▓ Progressive  3,200 (57.7%)│",
            "│█ Pending 400  ▓ InProcess 160  ▒ Complete 5,550          ││▙ Abandoned      600 (10.8%)││░ Predictive   1,800 (32.4%)│",
            "│░ Expired 290  ▞ Error 30                                 ││▞ AnsweringM…     450 (8.1%)││▒ Preview         550 (9.9%)│",
            "└──────────────────────────────────────────────────────────┘└────────────────────────────┘└────────────────────────────┘",
            "┌ Delivery metrics by configuration ───────────────────────┐┌ Delivery metrics by queue ───────────────────────────────┐",
            "│Configuration              Status Priority Total Processed││Queue                                      Total Processed│",
            "│Relance clients – Genève   Active High     3,100     2,700││Collections Q                              4,000     3,500│",
            "│年末キャンペーン           Active Normal   2,030     1,750││Renewals Q                                 2,430     2,050│",
            "│Win-back survey            -      -        1,300     1,100││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "│                                                          ││                                                          │",
            "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        ])
    }

    /// Compact with the sidebar focused on the configuration list: the tab strip across the screen, the sidebar
    /// and the panel side by side (not one over the other); the open list shows the three configurations with
    /// their facet counts 3,100 / 2,030 / 1,300, the CJK name whole, the long name cut with an ellipsis.
    @Test func compactSidebar80x24() {
        var state = UIState()
        state.focus = .sidebar
        state.sidebar.section = 4
        state.sidebar.items[4] = 1
        expectLines(screen(80, 24, state: state), [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)      Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pend 400 · InProg 160 · Thru 240/h · Clear 1h 40m · Aband/att 10.8% · Conn 64.9%",
            "1 Status 2 Result 3 Dial mode 4 Configurations 5 Queues 6 Dates 7 Compliance",
            "┌ Filters ───────────────────┐┌ 1 Total deliveries by status ──────────────────┐",
            "│▸ Duration: Custom: 2026-11…││2k┤                                             │",
            "│▸ Time zone: UTC            ││  │                                             │",
            "│▸ Channel: all              ││  │                                             │",
            "│▸ Queue: all                ││  │         ░░░░░░░░                            │",
            "│▾ Configuration             ││  │▂▂▂▂▂▂▂▂ ▒▒▒▒▒▒▒▒          ▆▆▆▆▆▆▆▆          │",
            "│ [ ] Relance clients…  3,100││  │░░░░░░░░ ▒▒▒▒▒▒▒▒          ▒▒▒▒▒▒▒▒          │",
            "│ [ ] 年末キャンペーン  2,030││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▁▁▁▁▁▁▁▁ ▒▒▒▒▒▒▒▒ ▇▇▇▇▇▇▇▇ │",
            "│ [ ] Win-back survey   1,300││1k┤▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ │",
            "│▸ Conversation type: all    ││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ │",
            "│▸ Direction: Outgoing       ││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ │",
            "│▸ Dial mode: all            ││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ │",
            "│▸ Delivery status: all      ││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ████████ │",
            "│▸ Delivery result: all      ││  │▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ████████ │",
            "│                            ││ 0┤▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒ ████████ │",
            "│                            ││   11-02    11-03    11-04    11-05    11-06    │",
            "│                            ││█ Pending 400  ▓ InProcess 160  ▒ Complete 5,550│",
            "│                            ││░ Expired 290  ▞ Error 30                       │",
            "└────────────────────────────┘└────────────────────────────────────────────────┘",
            "Space toggle · ←→ section · / search · c clear · C clear all · ? keys · q quit",
        ])
    }

    /// Compact, zoomed on the configuration table with its second row selected: the full names fit, `2/3`.
    @Test func compactZoomedTable80x24() {
        var state = UIState()
        state.zoomed = .configurationTable
        state.focus = .panel(.configurationTable)
        state.selection[.configurationTable] = 1
        let grid = screen(80, 24, state: state)
        expectLines(grid, [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)      Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pend 400 · InProg 160 · Thru 240/h · Clear 1h 40m · Aband/att 10.8% · Conn 64.9%",
            "1 Status 2 Result 3 Dial mode 4 Configurations 5 Queues 6 Dates 7 Compliance",
            "┌ 4 Delivery metrics by configuration ─────────────────────────────────────────┐",
            "│Configuration                                  Status Priority Total Processed│",
            "│Relance clients – Genève                       Active High     3,100     2,700│",
            "│年末キャンペーン                               Active Normal   2,030     1,750│",
            "│Win-back survey                                -      -        1,300     1,100│",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└───────────────────────────────────────────────────────────────────────── 2/3 ┘",
            "Tab pane · ←→↑↓ select · Enter filter to selection · x list · ? keys · q quit",
        ])
        // The selected row is in reverse video across the panel.
        #expect(grid[1, 7].style == .selected && grid[78, 7].style == .selected)
        #expect(grid[1, 6].style != .selected)
    }
}
