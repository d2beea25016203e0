/// The starting file `casebench new-case ID` writes: every field of the format, filled with
/// short prompts that say what belongs there, and clean under `casebench lint`.
public enum CaseStudySkeleton {
  /// The YAML for a new case study with this id (an identifier: letters, digits, `.`, `-`, `_`).
  public static func yaml(id: String) -> String {
    """
    # A casebench case study. Check it with `casebench lint \(id).yaml`;
    # CaseStudies/README.md describes every field and where it appears.
    format_version: 1
    id: \(id)
    version: 0.1
    title: A title for the case study
    summary: One sentence a facilitator reads when choosing a case study.
    background: |
      The story so far, in a few short paragraphs.

      - A list of facts stays a list.
      - Keep each point short.

    cast:
      - id: sponsor
        name: Sam Rivera
        role: Sponsor
        wants: A result the board can see this quarter.
        hot_buttons: [cost, delay]
        power: high
        interest: high

    phases:
      - id: scoping
        title: Scoping
        goal: Agree on the decision the project supports.
        briefing: What the team hears at the start of the phase.
        timebox_minutes: 30
        items:
          - id: S.1
            title: Name the decision the model supports
            guidance: >
              What to do, in general terms that also fit a participant's own project.
            case: How this item plays out in the story.
            why: Why the item matters.
            hint: A nudge for a team that is stuck.
            tags: [stakeholder]
            required: true
            references: ["A book chapter or a link"]
        decisions:
          - id: S.D1
            title: The first trade-off
            situation: What forces the team to choose now.
            options:
              - id: a
                label: A careful option
                consequence: What happens next if the team picks it.
                verdict: recommended
              - id: b
                label: A quicker option
                consequence: What happens next if the team picks it.
                verdict: defensible
              - id: c
                label: A tempting shortcut
                consequence: What happens next if the team picks it.
                verdict: poor
            facilitator_notes: What to listen for when teams explain their choice.
        risk_prompts:
          - id: S.R1
            text: A risk the team should think of in this phase.
            likelihood: 3
            impact: 3
        facilitator_notes: What to listen for, common mistakes, questions to ask the room.

      - id: ethics
        title: Ethics
        goal: Find who could be harmed, and how to prevent it.
        briefing: What the team hears at the start of the phase.
        timebox_minutes: 20
        items:
          - id: E.1
            title: Check the outcomes for each group
            guidance: >
              What to do, in general terms that also fit a participant's own project.
            case: How this item plays out in the story.
            why: Why the item matters.
            hint: A nudge for a team that is stuck.
            tags: [ethics]
            required: true
            arises_in: [scoping]
        decisions:
          - id: E.D1
            title: The second trade-off
            situation: What forces the team to choose now.
            options:
              - id: a
                label: Ship now and watch
                consequence: What happens next if the team picks it.
                verdict: poor
              - id: b
                label: Test with each group first
                consequence: What happens next if the team picks it.
                verdict: recommended
        risk_prompts: []
        facilitator_notes: What to listen for, common mistakes, questions to ask the room.

    """
  }
}
