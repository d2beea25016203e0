import CaseBenchModel

// The case-study format's mappings and their keys, in one place: the validator takes its
// allowed and required keys from here, and a test checks the JSON Schema in
// CaseStudies/casestudy.schema.json (for YAML editors) against it.

/// What a key's value is.
public enum FormatType: Sendable, Equatable {
  /// One piece of text (a block scalar included).
  case text
  /// Text or a number, read as text (`version: 1.0`).
  case version
  /// One of a few words.
  case choice([String])
  case integer(minimum: Int, maximum: Int?)
  case boolean
  /// A list of texts (tags, ids, references).
  case texts
  /// A list of mappings of the named kind.
  case list(of: String)
  /// One mapping of the named kind.
  case mapping(of: String)
}

/// One key of a mapping.
public struct FormatField: Sendable, Equatable {
  public var name: String
  public var type: FormatType
  public var required: Bool

  init(_ name: String, _ type: FormatType, required: Bool = true) {
    self.name = name
    self.type = type
    self.required = required
  }
}

/// A kind of mapping in a case study, named as the validator's messages name it.
public struct FormatMapping: Sendable, Equatable {
  public var kind: String
  public var fields: [FormatField]

  public var names: [String] { fields.map(\.name) }

  /// The bounds of an integer key (the validator's check and the schema's, from this table);
  /// nil for a key that is not an integer.
  public func bounds(of key: String) -> (minimum: Int, maximum: Int?)? {
    guard case .integer(let minimum, let maximum)? = fields.first(where: { $0.name == key })?.type
    else { return nil }
    return (minimum, maximum)
  }
  public var required: [String] { fields.filter(\.required).map(\.name) }
}

/// The case-study format, `format_version` 1.
public enum CaseStudyFormat {
  static let levels = Level.allCases.map(\.rawValue)
  static let verdicts = Verdict.allCases.map(\.rawValue)
  static let itemLevels = ItemLevel.allCases.map(\.rawValue)
  static let minutes = FormatType.integer(minimum: 0, maximum: nil)
  static let score = FormatType.integer(minimum: 1, maximum: 5)

  public static let caseStudy = FormatMapping(
    kind: "case study",
    fields: [
      FormatField("format_version", .integer(minimum: 1, maximum: nil)),
      FormatField("id", .text), FormatField("version", .version), FormatField("title", .text),
      FormatField("summary", .text), FormatField("background", .text),
      FormatField("cast", .list(of: "cast member")), FormatField("phases", .list(of: "phase")),
      FormatField("retired_items", .list(of: "retired item"), required: false),
      FormatField("lens", .mapping(of: "lens"), required: false),
    ])

  /// `lens:` marks a file as a lens: a checklist added on top of a session's case study.
  public static let lens = FormatMapping(
    kind: "lens",
    fields: [
      FormatField("scoring", .choice(LensScoring.allCases.map(\.rawValue)), required: false),
      FormatField("source", .text, required: false),
    ])

  /// Keys that a lens may leave out: the story around its checklist, which a lens does not tell.
  public static let optionalInLens: [String: Set<String>] = [
    "case study": ["summary", "background", "cast"],
    "phase": [
      "goal", "briefing", "timebox_minutes", "decisions", "risk_prompts", "facilitator_notes",
    ],
    "item": ["case", "why", "hint"],
  ]

  public static let castMember = FormatMapping(
    kind: "cast member",
    fields: [
      FormatField("id", .text), FormatField("name", .text), FormatField("role", .text),
      FormatField("wants", .text), FormatField("hot_buttons", .texts),
      FormatField("power", .choice(levels)), FormatField("interest", .choice(levels)),
    ])

  public static let phase = FormatMapping(
    kind: "phase",
    fields: [
      FormatField("id", .text), FormatField("title", .text), FormatField("goal", .text),
      FormatField("briefing", .text),
      FormatField("timebox_minutes", .integer(minimum: 1, maximum: nil)),
      FormatField("items", .list(of: "item")), FormatField("decisions", .list(of: "decision")),
      FormatField("risk_prompts", .list(of: "risk prompt")),
      FormatField("facilitator_notes", .text),
      FormatField("gate", .texts, required: false),
      FormatField("schedule", .mapping(of: "schedule"), required: false),
      FormatField("model_answers", .list(of: "model answer"), required: false),
      FormatField("shows_in", .text, required: false),
      FormatField("reflection", .list(of: "reflection prompt"), required: false),
      FormatField("injects", .list(of: "inject"), required: false),
    ])

  /// A message from inside the story, fired at a minute, after a reveal or by hand (one of the
  /// three; the validator checks that).
  public static let inject = FormatMapping(
    kind: "inject",
    fields: [
      FormatField("id", .text), FormatField("from", .text, required: false),
      FormatField("text", .text), FormatField("at_minute", minutes, required: false),
      FormatField("after_reveal", .text, required: false),
      FormatField("manual", .boolean, required: false),
    ])

  /// A question for the lessons learned, answered once the phase's decisions are revealed.
  public static let reflectionPrompt = FormatMapping(
    kind: "reflection prompt", fields: [FormatField("id", .text), FormatField("prompt", .text)])

  public static let schedule = FormatMapping(
    kind: "schedule",
    fields: [
      FormatField("read", minutes), FormatField("work", minutes), FormatField("decide", minutes),
      FormatField("debrief", minutes),
    ])

  public static let modelAnswer = FormatMapping(
    kind: "model answer",
    fields: [
      FormatField("topic", .text), FormatField("answer", .text),
      FormatField("item", .text, required: false),
    ])

  public static let retiredItem = FormatMapping(
    kind: "retired item",
    fields: [
      FormatField("id", .text), FormatField("title", .text), FormatField("reason", .text),
      FormatField("replaced_by", .texts, required: false),
    ])

  public static let item = FormatMapping(
    kind: "item",
    fields: [
      FormatField("id", .text), FormatField("title", .text), FormatField("guidance", .text),
      FormatField("case", .text), FormatField("why", .text), FormatField("hint", .text),
      FormatField("tags", .texts), FormatField("required", .boolean),
      FormatField("references", .texts, required: false),
      FormatField("arises_in", .texts, required: false),
      FormatField("level", .choice(itemLevels), required: false),
    ])

  public static let decision = FormatMapping(
    kind: "decision",
    fields: [
      FormatField("id", .text), FormatField("title", .text), FormatField("situation", .text),
      FormatField("options", .list(of: "option")),
      FormatField("facilitator_notes", .text, required: false),
      FormatField("opens", .choice(opensBlocks), required: false),
    ])

  /// The blocks a decision's vote may open at (`Decision.opens`): any but the debrief.
  static let opensBlocks = ScheduleBlock.allCases.filter { $0 != .debrief }.map(\.rawValue)

  public static let option = FormatMapping(
    kind: "option",
    fields: [
      FormatField("id", .text), FormatField("label", .text), FormatField("consequence", .text),
      FormatField("verdict", .choice(verdicts)), FormatField("debrief", .text, required: false),
    ])

  public static let riskPrompt = FormatMapping(
    kind: "risk prompt",
    fields: [
      FormatField("id", .text), FormatField("text", .text),
      FormatField("likelihood", score, required: false),
      FormatField("impact", score, required: false),
    ])

  /// Every kind of mapping, the top level first.
  public static let mappings: [FormatMapping] = [
    caseStudy, castMember, phase, schedule, modelAnswer, retiredItem, item, decision, option,
    riskPrompt, lens, reflectionPrompt, inject,
  ]

  public static func mapping(kind: String) -> FormatMapping? {
    mappings.first { $0.kind == kind }
  }
}
