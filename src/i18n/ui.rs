//! Every text of the UI itself (titles, prompts, hints, key descriptions) in Danish and English.
//! Words of the domain (models, forms, actions, conflicts) come from [`super::domain`].

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Lang;

texts! {
    /// A fixed UI text.
    pub enum T {
    AppName => "skifteplan", "skifteplan";
    StartTitle => "Åbn en aktivliste", "Open an Aktivliste";
    StartIntro => "Vælg en liste fra SMDB-support, en nylig fil eller skriv en sti.", "Pick a list from SMDB support, a recent file, or type a path.";
    StartIntroPlan => "En plan skrevet af skifteplan åbnes skrivebeskyttet til gennemsyn.", "A plan written by skifteplan opens read-only for review.";
    Samples => "Eksempellister", "Sample lists";
    Recent => "Senest åbnet", "Recently opened";
    OtherFile => "Åbn anden fil …", "Open another file …";
    PathLabel => "Sti: ", "Path: ";
    NoSamples => "(ingen eksempellister fundet)", "(no sample lists found)";
    Loading => "Indlæser", "Loading";
    LoadingNote => "Listen læses; skærmen svarer imens.", "The list is being read; the screen stays responsive.";
    SummaryTitle => "Indlæst liste", "Loaded list";
    Citizens => "Borgere", "Citizens";
    Anmodninger => "Anmodninger", "Anmodninger";
    Indskrivninger => "Indskrivninger", "Indskrivninger";
    RejectedRows => "Afviste rækker", "Rejected rows";
    CprWarnings => "Advarsler", "Warnings";
    Sheets => "Ark brugt", "Sheets used";
    HeaderRow => "overskrift i række", "header in row";
    RowsUsed => "rækker brugt", "rows used";
    RowUsed => "række brugt", "row used";
    UnusedHeaders => "Kolonner ikke brugt", "Columns not used";
    IgnoredSheets => "Ark ikke brugt", "Sheets not used";
    ReadNotes => "Sådan er listen læst", "How the list was read";
    NoneWord => "ingen", "none";
    SetupTitle => "Opsætning af skiftet", "Switch set-up";
    Kommune => "Kommune", "Kommune";
    Vendor => "Leverandør", "Vendor";
    SystemName => "Systemnavn", "System name";
    SwitchDate => "Skiftedato (D)", "Switch date (D)";
    Model => "Model", "Model";
    ReasonText => "Beskriv afslutningsårsag", "Close description";
    DateFormatHint => "skriv dd-mm-åååå", "type dd-mm-yyyy";
    DateIncomplete => "ufuldstændig dato", "incomplete date";
    SetupNeedsDate => "Skriv en gyldig skiftedato først.", "Type a valid switch date first.";
    PlanTitle => "Borgere", "Citizens";
    ActionsTitle => "Handlinger", "Actions";
    ColCpr => "CPR", "CPR";
    ColName => "Navn", "Name";
    ColStatus => "Status", "Status";
    ColDone => "Udført", "Done";
    ColStep => "#", "#";
    ColSystem => "System", "System";
    ColPart => "Del", "Part";
    ColForm => "Skema", "Form";
    ColAction => "Handling", "Action";
    ColDate => "Dato", "Date";
    ColOriginal => "Oprindelig", "Original";
    ColReason => "Årsag / beskrivelse", "Reason / description";
    Privilege => "Rettighed", "Privilege";
    Case => "Sag", "Case";
    Offer => "Tilbud/ydelse", "Offer/service";
    Source => "Kilde", "Source";
    Row => "række", "row";
    DoneOn => "udført", "done";
    NextAction => "Næste", "Next";
    AllDone => "Alle handlinger udført.", "All actions done.";
    NoActions => "Ingen handlinger.", "No actions.";
    NoCitizens => "Ingen borgere i listen.", "No citizens in the list.";
    NoMatches => "Ingen borgere passer til søgning/filter.", "No citizens match the search/filter.";
    DoneTotal => "Udført", "Done";
    ConflictsLeft => "konflikter ikke afgjort", "conflicts open";
    ConflictLeft => "konflikt ikke afgjort", "conflict open";
    ForgottenCount => "glemte", "forgotten";
    Search => "Søg", "Search";
    Filter => "Filter", "Filter";
    Sort => "Sortering", "Sort";
    FilterAll => "alle", "all";
    FilterConflicts => "konflikter", "conflicts";
    FilterNotStarted => "ikke startet", "not started";
    FilterInProgress => "i gang", "in progress";
    FilterDone => "færdige", "done";
    FilterForgotten => "glemte", "forgotten";
    SortList => "listens orden", "list order";
    SortName => "navn", "name";
    SortCpr => "CPR", "CPR";
    SortProgress => "mindst udført", "least done";
    SortConflicts => "konflikter først", "conflicts first";
    CprShown => "FULDT CPR VIST", "FULL CPR SHOWN";
    HelpTitle => "Hjælp: taster", "Help: keys";
    HelpScrolls => "ruller", "scrolls";
    HelpGlobal => "Overalt", "Everywhere";
    HelpScreen => "På denne skærm", "On this screen";
    Close => "luk", "close";
    ForgottenTitle => "Glemt sag: faktisk slutdato", "Forgotten case: real end date";
    ForgottenPrompt => "Sagen afsluttes med den faktiske slutdato i alle skemaer (aldrig \"Systemskift\", aldrig slettet).", "The case is closed with the real end date in every form (never \"Systemskift\", never deleted).";
    ForgottenBounds => "Slutdatoen skal ligge på eller efter alle startdatoer og senest på D.", "The end date must be on or after every start date and no later than D.";
    UnforgetTitle => "Fortryd glemt sag?", "Undo forgotten case?";
    UnforgetPrompt => "Borgeren planlægges igen efter den valgte model. y: ja · n: nej", "The citizen is planned by the chosen model again. y: yes · n: no";
    ExportTitle => "Eksportér handlingsark", "Export action sheet";
    ExportXlsx => "Handlingsark (.xlsx)", "Action sheet (.xlsx)";
    ExportJson => "JSON-plan til check og review (tom = ingen)", "JSON plan for check and review (empty = none)";
    ExportJsonOff => "ingen · mellemrum: skriv også JSON-planen", "none · Space: write the JSON plan too";
    ExportNote => "Afkrydsninger kommer i kolonnen Udført. CPR maskeres, medmindre fuldt CPR er vist.", "Ticks go in the Udført column. CPR is masked unless full CPR is shown.";
    ConfirmReplaceTitle => "Erstat tidligere eksport?", "Replace an earlier export?";
    ConfirmReplacePrompt => "Filen findes allerede. y: erstat · n: annullér", "The file already exists. y: replace · n: cancel";
    ExportedTitle => "Eksporteret", "Exported";
    ExportFailed => "Eksport mislykkedes", "Export failed";
    ErrorTitle => "Fejl", "Error";
    NoticeTitle => "Bemærk", "Note";
    StatePlaceTitle => "Hvor skal fremdriften gemmes?", "Where should progress be saved?";
    StatePlacePrompt => "Fremdriften kan ikke gemmes ved listen (mappen er skrivebeskyttet, eller lageret kan ikke bruges). Skriv en anden sti til lageret; et lager, der findes dér, åbnes og erstattes aldrig:", "Progress cannot be saved beside the list (the folder is read-only, or the store cannot be used). Type another path for the store; a store already there is opened, never replaced:";
    StateRestored => "Fremdrift hentet fra", "Progress read from";
    StateUnreadableParts => "Disse dele af filen kunne ikke læses og er ikke flyttet (de står stadig i filen):", "These parts of the file could not be read and were not moved (they are still in the file):";
    StateImported => "Den tidligere fremdriftsfil er flyttet ind i lageret (ændringer). Filen er gemt som", "The earlier progress file was moved into the store (changes). The file is kept as";
    SavedTo => "Gemmes i", "Saved in";
    SaveFailed => "Kunne ikke gemme fremdriften", "Could not save progress";
    ChangesTitle => "Nyere aktivliste", "Newer Aktivliste";
    ChangesIntro => "Listen er ændret siden sidst. Intet registreret er slettet: borgere, der ikke længere er på listen, beholder de trin, der ikke er udført.", "The list has changed since last time. Nothing recorded was deleted: citizens no longer on the list keep the steps not yet done.";
    ChangesNew => "Nye borgere (planlagt)", "New citizens (planned)";
    ChangesGone => "Ikke længere på listen (trin, der ikke er udført, bliver stående)", "No longer on the list (steps not yet done stay)";
    PlaceNotRemembered => "stedet kunne ikke huskes i din opsætning", "the place could not be kept in your config";
    NoStorePlace => "der er ikke valgt et sted at gemme (p: vælg sted)", "no place to save is chosen (p: choose a place)";
    KeyStorePlace => "gem-sted", "save place";
    KeyMerge => "hent Udført fra returnerede ark", "read Done from returned sheets";
    MergeTitle => "Udført fra returnerede handlingsark", "Done from returned action sheets";
    MergePrompt => "Læs kolonnerne Udført og Udført af fra handlingsark, som folk har udfyldt i Excel. Intet gemmes, før du har set ændringerne og sagt ja.", "Read the Done and Done by columns (Udført in a Danish sheet) from action sheets people filled in in Excel. Nothing is saved until you have seen the changes and said yes.";
    MergePaths => "Flere ark adskilles med ;", "Separate several sheets with ;";
    MergeApply => "j/y: gem ændringerne i lageret (på én gang)   n: gem intet", "y/j: record the changes in the store (all at once)   n: record nothing";
    MergeNothing => "Intet at gemme.", "Nothing to record.";
    MergeCancelled => "Intet fra arkene er gemt.", "Nothing from the sheets was recorded.";
    SinceLastList => "Siden sidste liste", "Since the last list";
    NewWord => "nye", "new";
    SetupChangedElsewhere => "Opsætningen er ændret af en kollega", "The set-up was changed by a colleague";
    StoreSetupKept => "Lageret havde allerede en opsætning; den gælder (model og D ændres ikke for de andre). Den opsætning, du lavede inden, er ikke gemt – ret den med o, hvis den skal ændres. Afkrydsninger, du lavede under den, står som udført under en tidligere plan.", "The store already had a set-up; it applies (model and D do not change for the others). The set-up you made before was not saved – change it with o if it must change. Ticks you made under it show as done under an earlier plan.";
    StoreLeftBehind => "Lageret dér har sin egen fremdrift og er ikke ændret; det, du har gemt indtil nu, ligger stadig i", "The store there has its own progress and was not changed; what you saved until now is still in";
    FromSheet => "fra et returneret ark", "from a returned sheet";
    GoneShort => "ikke på", "gone";
    GoneMark => "ikke længere på listen", "no longer on the list";
    NotSavedYet => "IKKE GEMT", "NOT SAVED";
    NotSavedHint => "ændringer ikke gemt – prøver igen", "changes not saved – retrying";
    SavedNow => "Alle ændringer er nu gemt.", "All changes are saved now.";
    KeyQuitUnsaved => "afslut (IKKE alt gemt)", "quit (NOT all saved)";
    QuitUnsavedTitle => "Ændringer er ikke gemt", "Changes are not saved";
    QuitUnsavedCount => "Ikke gemte ændringer:", "Changes not saved:";
    QuitUnsavedHint => "Afslut alligevel og mist dem? Nej: vælg et andet sted at gemme, eller prøv igen.", "Quit anyway and lose them? No: choose another place to save, or try again.";
    AskYesNo => "j/y: ja   n/Esc: nej", "y/j: yes   n/Esc: no";
    InputEnterEsc => "Enter: gem   Esc: fortryd", "Enter: save   Esc: cancel";
    InputEnterRead => "Enter: læs arkene (intet gemmes endnu)   Esc: fortryd", "Enter: read the sheets (nothing is saved yet)   Esc: cancel";
    ListReplacedShort => "NYERE LISTE ÅBNET AF EN KOLLEGA – åbn listen igen", "NEWER LIST OPENED BY A COLLEAGUE – open the list again";
    SetupSaved => "Opsætning gemt", "Set-up saved";
    OpenQuestionTitle => "Før listen åbnes", "Before the list opens";
    OpenCancelled => "Listen blev ikke åbnet; intet er ændret.", "The list was not opened; nothing changed.";
    OtherListIntro => "Lageret hører til en anden liste:", "The store belongs to another list:";
    OtherListAsk => "Brug det til denne liste (som en nyere udgave af den)?", "Use it for this list (as a newer version of it)?";
    ManyGoneOf => "af", "of";
    ManyGoneIntro => "borgere, som lageret kender, er ikke på denne liste.", "citizens the store knows are not on this list.";
    ManyGoneCauses => "Er listen halvt kopieret, en overskrift omdøbt eller et ark ulæseligt?", "Is the list half copied, a header renamed or a sheet unreadable?";
    ManyGoneKept => "Åbnes den, slettes intet: de mangler vises som ikke længere på listen med deres trin.", "If opened, nothing is deleted: those missing show as no longer on the list, with their steps.";
    InitialsTitle => "Dine initialer", "Your initials";
    InitialsPrompt => "Hver afkrydsning gemmes med initialer og dato. Initialerne gemmes i din egen opsætning, ikke i det fælles lager.", "Every tick is saved with initials and date. The initials are kept in your own config, not in the shared store.";
    InitialsLabel => "Initialer", "Initials";
    InitialsEmpty => "Skriv dine initialer.", "Type your initials.";
    InitialsSaved => "Afkrydsninger gemmes nu med initialerne", "Ticks are now saved with the initials";
    InitialsNotSaved => "Initialerne gælder nu, men kunne ikke gemmes i din opsætning", "The initials apply now but could not be kept in your config";
    DoneDateTitle => "Udført dato", "Done date";
    DoneDatePrompt => "Hvilken dag blev trinnet udført? (en dag udført fredag, krydset af mandag)", "Which day was the step done? (a step done Friday, ticked Monday)";
    DoneDateLabel => "Udført", "Done";
    DoneDateFuture => "Datoen ligger efter i dag.", "The date is after today.";
    Undone => "Fortrudt", "Undone";
    UndoMadeOver => "ingen virkning: en kollega har ændret det samme siden (u igen går videre tilbage)", "no effect: a colleague changed the same since (u again goes further back)";
    NothingToUndo => "Du har ingen ændringer at fortryde.", "You have no changes to undo.";
    HistoryTitle => "Historik", "History";
    HistoryNone => "Trinnet er ikke krydset af endnu.", "The step has not been ticked yet.";
    HistoryTicked => "krydset af, udført", "ticked, done";
    HistoryUnticked => "afkrydsning fjernet", "tick removed";
    HistoryUndone => "fortrudt", "undone";
    HistoryNotSaved => "ikke gemt endnu", "not saved yet";
    ByWord => "af", "by";
    NoPlanWord => "ingen opsætning", "no set-up";
    ChangeSettings => "opsætning", "set-up";
    ChangeDecision => "glemt sag-beslutning for", "forgotten-case decision for";
    ChangeResolve => "konflikt afgjort for", "conflict decided for";
    ChangeUnresolve => "afgørelse taget tilbage for", "decision taken back for";
    ChangeColumns => "kolonnevalg", "column choice";
    TicksLostTitle => "Afkrydsninger passer ikke til den nye plan", "Ticks do not match the new plan";
    TicksLostIntro => "afkrydsede trin findes ikke i planen med den nye opsætning (anden dato eller anden handling).", "ticked steps do not exist in the plan with the new set-up (another date or another action).";
    TicksLostKept => "Ja: de bliver i historikken som udført under den tidligere plan, men tæller ikke som udført i den nye. Nej: intet ændres.", "Yes: they stay in the history as done under the earlier plan, but do not count as done in the new one. No: nothing changes.";
    EarlierTicks => "Udført under en tidligere plan", "Done under an earlier plan";
    KeyUndo => "fortryd", "undo";
    KeyHistory => "historik", "history";
    KeyDoneDate => "udført dato", "done date";
    KeyInitials => "initialer", "initials";
    RejectedTitle => "Afviste rækker", "Rejected rows";
    ColSheet => "Ark", "Sheet";
    ColRow => "Række", "Row";
    ColWhy => "Årsag", "Reason";
    MappingTitle => "Kolonner: felt ← overskrift", "Columns: field ← header";
    MappingNote => "Enter: vælg overskrift · Del: brug standard · l: læs listen igen", "Enter: choose header · Del: use default · l: reload the list";
    MappingPrompt => "Overskrift i listen for feltet", "Header in the list for the field";
    MappingAuto => "(automatisk)", "(automatic)";
    NotMapped => "(ikke fundet)", "(not found)";
    Notes => "Bemærkninger", "Notes";
    Conflicts => "Konflikter", "Conflicts";
    StepWord => "trin", "step";
    // Key descriptions (the key table's words).
    KeyMove => "flyt", "move";
    KeyPage => "side op/ned", "page up/down";
    KeyHomeEnd => "første/sidste", "first/last";
    KeyOpen => "åbn", "open";
    KeyContinue => "videre", "continue";
    KeyBack => "tilbage", "back";
    KeyQuit => "afslut (alt er gemt)", "quit (all is saved)";
    KeyHelp => "hjælp", "help";
    KeyTick => "udført/fortryd", "done/undo";
    KeyFocus => "skift rude (borgere ⇄ handlinger)", "switch pane (citizens ⇄ actions)";
    KeySearch => "søg navn/CPR", "search name/CPR";
    KeyFilter => "filter", "filter";
    KeySort => "sortering", "sort";
    KeyForgotten => "glemt sag", "forgotten case";
    KeyDecide => "afgør konflikt", "decide conflict";
    ForgottenOutOfBounds => "Slutdatoen skal ligge på eller efter sagens seneste startdato og senest på skiftedatoen", "The end date must be on or after the case's latest start date and on the switch date at the latest";
    ReasonTextAskTitle => "Ikke vejledningens beskrivelse", "Not the guide's description";
    ReasonTextAsk => "Brug denne beskrivelse alligevel (aftalt med DST)? j/n", "Use this description anyway (agreed with DST)? y/n";
    DecideTitle => "Afgør konflikt", "Decide a conflict";
    DecideWhichConflict => "Borgeren har flere konflikter at afgøre.", "The citizen has several conflicts to decide.";
    DecideChooseConflict => "Vælg konflikten (pil, tal eller Enter):", "Choose the conflict (arrows, a number or Enter):";
    DecideChoose => "Vælg afgørelsen (pil, tal eller Enter):", "Choose the decision (arrows, a number or Enter):";
    DecideWhichCase => "Hvilken sag gælder? (pil, tal eller Enter):", "Which case holds? (arrows, a number or Enter):";
    DecideTakeBack => "Tag afgørelsen tilbage (konflikten er åben igen)", "Take the decision back (the conflict is open again)";
    DecideDate => "Dato", "Date";
    DecideDateBounds => "Tilladte datoer:", "Allowed dates:";
    DecideAtLatest => "senest", "at the latest";
    DecidedBy => "afgjort af", "decided by";
    DecideNothing => "Borgeren har ingen konflikt at afgøre her (en glemt sags datoer angives med g).", "The citizen has no conflict to decide here (a forgotten case's dates are entered with g).";
    KeyReveal => "vis/skjul fuldt CPR", "show/hide full CPR";
    KeyExport => "eksportér", "export";
    KeySetup => "opsætning (model, D)", "set-up (model, D)";
    KeySummary => "indlæsning", "load summary";
    KeyRejected => "afviste rækker", "rejected rows";
    KeyMapping => "ret kolonner", "fix columns";
    KeyReload => "læs igen", "reload";
    KeyField => "næste/forrige felt", "next/previous field";
    KeyChoose => "vælg model", "choose model";
    KeyComplete => "fuldfør sti", "complete path";
    KeyType => "skriv", "type";
    KeyConfirm => "bekræft", "confirm";
    KeyCancel => "annullér", "cancel";
    KeyYes => "ja", "yes";
    KeyNo => "nej", "no";
    KeyClear => "ryd", "clear";
    KeyMouse => "hjul: rul · klik: vælg", "wheel: scroll · click: select";
    Mouse => "Mus", "Mouse";
    KeyScroll => "rul", "scroll";
    // Set-up: the e-mail to DST.
    GoLive => "Planlagt go-live", "Planned go-live";
    Deadline => "Deadline (model 1)", "Deadline (model 1)";
    GoLiveDefault => "tom = D + 1:", "empty = D + 1:";
    DeadlineHint => "genindberetning af alle aktive borgere; skriv dd-mm-åååå", "re-reporting every active citizen; type dd-mm-yyyy";
    // The e-mail to DST.
    MailTitle => "Mail til SMDB@dst.dk", "E-mail to SMDB@dst.dk";
    MailNote => "markér med musen (Shift+træk) for at kopiere", "select with the mouse (Shift+drag) to copy";
    MailCopied => "sendt til udklipsholderen (OSC 52)", "sent to the clipboard (OSC 52)";
    MailCopiedShort => "Mailteksten er sendt med OSC 52: virker i de fleste terminaler, også over ssh.", "The e-mail text was sent with OSC 52: works in most terminals, also over ssh.";
    MailWriteFailed => "Mailen kunne ikke gemmes", "The e-mail could not be saved";
    KeyMail => "mail til DST", "e-mail to DST";
    KeyCopy => "kopiér", "copy";
    KeyWriteFile => "gem som fil", "save as file";
    // Verify against a later list.
    KeyVerify => "opfølgning: åbn senere liste", "follow-up: open a later list";
    VerifyTitle => "Opfølgning mod en senere aktivliste", "Follow-up against a later Aktivliste";
    VerifyPrompt => "Åbn en nyere aktivliste fra SMDB-support. Planen og afkrydsningerne sammenlignes med den.", "Open a newer Aktivliste from SMDB support. The plan and its ticks are compared with it.";
    VerifyReading => "Læser", "Reading";
    VerifyNew => "Ny", "New";
    VerifyAll => "alle", "all";
    VerifyLater => "Senere liste", "Later list";
    VerifyNone => "Ingen borgere i denne gruppe.", "No citizens in this group.";
    VerifyResultBlocks => "Noget blokerer stadig eller skal ses af en person.", "Something still blocks or needs a person.";
    VerifyResultClean => "Intet blokerer det nye system.", "Nothing blocks the new system.";
    VerifyRejected => "rækker i den senere liste kunne ikke læses; en borger der stadig blokerer kan gemme sig der.", "rows of the later list could not be read; a citizen who still blocks may hide there.";
    KeyVerifyFilter => "vis gruppe", "show group";
    KeyVerifyOther => "anden liste", "another list";
    // Review of a written plan (read-only).
    ReviewTitle => "Gennemsyn af plan", "Plan review";
    ReadOnly => "SKRIVEBESKYTTET", "READ-ONLY";
    ReviewFindings => "fund", "findings";
    ReviewRowsWithFindings => "rækker med fund", "rows with findings";
    ReviewRowWithFindings => "række med fund", "row with findings";
    ReviewWithoutRow => "uden række", "without a row";
    ReviewAllRows => "alle rækker", "all rows";
    ReviewOnlyFindings => "kun rækker med fund", "only rows with findings";
    ReviewRowFindings => "Fund i rækken", "Findings in the row";
    ReviewGeneralTitle => "Fund uden række", "Findings without a row";
    ReviewNoRowFindings => "Ingen fund i denne række.", "No findings in this row.";
    ReviewClean => "Ingen fund: planen følger reglerne.", "No findings: the plan follows the rules.";
    ReviewNoRows => "Ingen rækker at vise.", "No rows to show.";
    ReviewMore => "flere", "more";
    ReviewWrappedTop => "Fortsat fra toppen.", "Continued from the top.";
    ReviewWrappedBottom => "Fortsat fra bunden.", "Continued from the bottom.";
    ReviewNoFindingsToJump => "Planen har ingen fund i rækkerne.", "The plan has no findings in its rows.";
    ReviewFullCpr => "planen indeholder fuldt CPR (vist maskeret)", "the plan holds full CPR (shown masked)";
    ReviewConflicts => "konflikter i planen", "conflicts in the plan";
    ReviewConflict => "konflikt i planen", "conflict in the plan";
    ReviewOneCitizen => "borger", "citizen";
    ReviewAction => "handling", "action";
    ReviewCitizen => "Borger", "Citizen";
    ColCitizenNo => "Nr", "No";
    KeyNextFinding => "næste/forrige fund", "next/previous finding";
    KeyOnlyFindings => "kun fund/alle", "only findings/all";
    KeyGeneralFindings => "fund uden række", "findings without a row";
    KeyQuitReview => "afslut", "quit";
    KeyRowFindings => "rækken og dens fund i fuld længde", "the row and its findings in full";
    // Messages of the UI's screens and popups.
    ExportingTitle => "Eksporterer", "Exporting";
    ExportRowsWritten => "Rækker skrevet", "Rows written";
    ExportCancelHint => "Esc: afbryd (de gamle filer bliver stående)", "Esc: cancel (the old files stay as they were)";
    ExportCancelling => "Afbryder …", "Cancelling …";
    ExportCancelled => "Eksporten er afbrudt; ingen fil er ændret.", "The export was cancelled; no file was changed.";
    ExportInternalError => "Eksporten stoppede med en intern fejl", "The export stopped with an internal error";
    ExportOverlap => "To af filerne ville skrive samme fil:", "Two of the files would write the same file:";
    ExportSamePath => "Handlingsarket og JSON-filen kan ikke have samme sti.", "The action sheet and the JSON file cannot have the same path.";
    ReadStopped => "Læsningen stoppede", "The reading stopped";
    NoPlanYet => "Der er ingen plan endnu.", "There is no plan yet.";
    NoFileChosen => "Ingen fil valgt.", "No file chosen.";
    WrittenBeforeFailure => "skrevet før fejlen:", "written before the failure:";
    ReadingInternalError => "Læsningen stoppede med en intern fejl", "The reading stopped with an internal error";
    StoppedBySignal => "afbrudt af signalet", "stopped by the signal";
    ReadingFile => "Læser", "Reading";
    NotADate => "Ikke en dato: skriv dd-mm-åååå.", "Not a date: type dd-mm-yyyy.";
    KeySpace => "Mellemrum", "Space";
    EndDateInput => "Slutdato (dd-mm-åååå)", "End date (dd-mm-yyyy)";
    PathInput => "Sti", "Path";
    HeaderInput => "Overskrift", "Header";
    VerifyChecked => "kontrolleret", "checked";
    VerifyColumns => "Mangler / årsag / dage", "Steps left / reason / days";
    CprWarningsNote => "CPR uden modulus 11 / erstatningsnr.", "CPR failing mod 11 / replacement";
    SetupCloseInSmdb => "Afslut i SMDB:", "Close in SMDB:";
    SetupRegisterInNew => "registrér i nyt system:", "register in the new system:";
    RealEndDate => "faktisk slutdato", "real end date";
    ActionReason => "Årsag", "Reason";
    ActionReasonText => "Beskrivelse", "Description";
    ReviewPlanSays => "planen siger", "the plan says";
    ChooseModel => "Vælg en model.", "Choose a model.";
    DateFourDigitYear => "skriv året med fire cifre", "write the year with four digits";
    DateNoSuchDate => "datoen findes ikke", "no such date";
    DateNotADate => "ikke en dato: skriv dd-mm-åååå", "not a date: type dd-mm-yyyy";
    }
}

/// The weekday's name.
pub fn weekday(date: NaiveDate, lang: Lang) -> &'static str {
    match date.weekday() {
        Weekday::Mon => lang.pick("mandag", "Monday"),
        Weekday::Tue => lang.pick("tirsdag", "Tuesday"),
        Weekday::Wed => lang.pick("onsdag", "Wednesday"),
        Weekday::Thu => lang.pick("torsdag", "Thursday"),
        Weekday::Fri => lang.pick("fredag", "Friday"),
        Weekday::Sat => lang.pick("lørdag", "Saturday"),
        Weekday::Sun => lang.pick("søndag", "Sunday"),
    }
}

/// "D = tirsdag 31-03-2026 · D + 1 = onsdag 01-04-2026".
pub fn switch_dates(d: NaiveDate, lang: Lang) -> String {
    let d1 = crate::domain::date::next_day(d);
    format!(
        "D = {} {} · D + 1 = {} {}",
        weekday(d, lang),
        crate::domain::date::fmt_dk(d),
        weekday(d1, lang),
        crate::domain::date::fmt_dk(d1)
    )
}

/// The name of a step group on the progress line, e.g. "Afslut i SMDB".
pub fn step_group(
    action: crate::plan::ActionKind,
    system: crate::plan::System,
    lang: Lang,
) -> String {
    let a = super::domain::action_label(action, lang);
    let s = super::domain::system_label(system, lang);
    match lang {
        Lang::Da => format!("{a} i {s}"),
        Lang::En => format!("{a} in {s}"),
    }
}

/// A file's name as shown on screen: no folders, and anything that looks like a CPR number
/// masked (a file may be named after a citizen).
pub fn file_name(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::domain::cpr::mask_in_text(&name)
}

/// "3 af 120 borgere" / "3 of 120 citizens".
pub fn count_of(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{shown} af {total}"),
        Lang::En => format!("{shown} of {total}"),
    }
}

/// A byte size for people.
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else if bytes >= 1 << 10 {
        format!("{:.0} kB", bytes as f64 / (1 << 10) as f64)
    } else {
        format!("{bytes} B")
    }
}

/// "Skrevet: PATH" lines after an export.
pub fn written(path: &std::path::Path, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("Skrevet:", "Written:"),
        crate::domain::cpr::mask_in_text(&path.display().to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_after_a_cpr_number_shows_it_masked() {
        let shown = file_name(std::path::Path::new("/hjem/sager/010190-2000 Anna.xlsx"));
        assert!(!shown.contains("2000"), "{shown}");
        assert!(shown.starts_with("010190-"), "{shown}");
        assert!(shown.ends_with(" Anna.xlsx"), "{shown}");
    }
}
