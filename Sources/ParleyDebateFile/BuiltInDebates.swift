import ParleyCore
import ParleyEngine
import ParleyFiles

/// The debates built into the binary, so `parley` runs its demo from any folder.
///
/// `featureX` is a copy of `Debates/feature-x.yaml`; a test fails when the two differ
/// (`scripts/embed-debates` writes this file anew from the YAML).
public enum BuiltInDebates {
    /// The file name the built-in demo reports in errors.
    public static let featureXName = "feature-x.yaml (built in)"

    /// The product debate "Should we build feature X?": a PM, an engineer and a CFO, three rounds.
    public static let featureX = #"""
# The built-in demo: `parley` with no arguments runs this debate.
title: Should we build feature X?
question: >-
  Should we build feature X — real-time co-editing of documents — next quarter,
  or keep investing elsewhere?
rounds: 3
protocol: round-robin
pace:
  mode: live
  delay: 0.4s

guards:
  token_budget: 20000
  turn_timeout: 60s
  repetition:
    threshold: 0.8
    stop: false

backends:
  scripted:
    type: scripted
    words_per_second: 14

agents:
  - id: pm
    name: Priya
    role: Product manager — user value
    colour: cyan
    system_prompt: >-
      You are Priya, the product manager. You argue from user value: what users ask
      for, why they churn, what a first slice could teach us.
    arguments:
      - |-
        Forty percent of the teams who churned last quarter named missing real-time collaboration as their reason. Feature X is the gap our users ask about most.
        CLAIM: feature X addresses the top churn reason.
      - Users already fake collaboration by exporting and emailing files; our usage study found the average team does it nine times a week. That is friction we can remove.
      - We can ship a narrow first slice — co-editing for documents only, no comments, no permission changes — and learn from real usage before we widen it.
      - |-
        If the sync engine is the risk, let's scope the beta to twenty design-partner teams, so reliability problems hit people who signed up for them.
        QUESTION: which twenty teams would make the best design partners?
      - Enterprise prospects put collaboration on their evaluation checklist; without it our sales team loses deals before price even comes up.
      - The tradeoff I can accept is delaying the mobile redesign by one quarter to staff feature X, because churn costs us more than an older mobile screen.

  - id: eng
    name: Sam
    role: Engineer — feasibility and cost
    colour: green
    system_prompt: >-
      You are Sam, the lead engineer. You argue from feasibility and cost: what it
      takes to build and run, what it puts at risk, what can be cut.
    arguments:
      - Real-time co-editing means a sync engine with conflict resolution, CRDTs or operational transforms. That is two engineers for two quarters before the first beta, not a sprint.
      - Our storage layer saves whole documents; feature X needs per-operation writes, so we would migrate every document and double the write load on the database.
      - Supporting it costs more than building it. Presence, offline edits and reconnect bugs generate support tickets for years. @cfo have you priced in ongoing on-call and support cost?
      - A narrow slice is feasible if we buy instead of build. A hosted sync service would cut the build to one quarter, at a per-seat infrastructure cost.
      - |-
        A beta with design partners works for me if we gate it behind a feature flag and keep the old save path, so we can roll back without a migration.
        DECISION: ship the beta behind a feature flag and keep the old save path.
      - Staffing feature X pauses the reliability work on search, our top source of incidents. The risk moves; it does not vanish.

  - id: cfo
    name: Dana
    role: CFO — revenue impact
    colour: yellow
    system_prompt: >-
      You are Dana, the CFO. You argue from revenue impact: what it earns or saves,
      what it costs to build and run, how to price it.
    arguments:
      - Feature X only pays off if it moves revenue. Either it cuts churn enough to keep about $1.2M of annual recurring revenue, or it lets us charge more per seat.
      - Two engineers for two quarters is roughly $400K fully loaded, plus infrastructure. Against $1.2M of retained revenue that is a good bet, if the churn numbers hold.
      - I would price it into a higher tier rather than give it away. Collaboration is what enterprise buyers pay for, and a tier gives us a clean read on demand.
      - |-
        A hosted sync service changes the math: its per-seat cost grows with usage, so our margin on the collaboration tier drops unless we price it in.
        QUESTION: what does the hosted service cost per active seat?
      - Support and on-call are real costs. I would budget twenty percent on top of the build and review after the beta's first two months of revenue data.
      - Delaying the mobile redesign a quarter is acceptable financially; mobile drives fewer upgrades than collaboration does.

facilitator:
  name: Mo
  system_prompt: >-
    You are Mo, the facilitator. You listen to the whole debate and summarize it
    without taking sides.
"""#
}
