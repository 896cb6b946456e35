// Package eval scores dyad's events against gold files
// (shared/spec/gold-format.md) and against public test sets.
//
// Gold scoring (Score) compares, per document, the set of distinct keys of
// the predictions with the set of distinct keys of the gold events, so an
// event repeated in several sentences counts once on either side. The
// decisions the spec leaves open are:
//
//   - Key of a predicted event: one key per actor x recipient pair (compound
//     actors are coded member by member in gold files); the same entity on
//     both sides of a reciprocal event is skipped. An empty actor or
//     recipient list is one "" side.
//   - Country of a side: the entity's ISO 3166-1 alpha-3 code; "" when its
//     sector is IGO or its code is no ISO country (NATO, EUR, UNO). A null
//     gold target and a prediction without recipient are "" as well, so, read
//     literally, "no target" and "an IGO" share a key.
//   - Event class: equal PLOVER types, or equal CAMEO roots (gold type_cameo
//     vs predicted cameo), or gold mode "intend" with a predicted AGREE.
//   - Strict key: the dyad key plus gold role vs predicted sector on both
//     sides (so Trump coded GOV before his inauguration is a dyad hit and a
//     strict miss when the gold says ELI).
//   - Optional gold keys: a predicted key that matches only optional gold
//     keys is dropped from precision's numerator and denominator; optional
//     gold keys are never misses. A key is required when any gold event
//     with it is required.
//   - Precision counts matched predicted keys, recall matched required gold
//     keys; both are micro-averaged over all documents.
//   - Negated recall: required negated gold keys matched by some prediction
//     (negation must agree, as it is part of the key), over all of them;
//     0 when there are none.
//   - CAMEO-root accuracy: over all (predicted, required gold) pairs of
//     matching dyad keys, the share whose CAMEO roots are equal.
//   - Per-type figures split the dyad counts by predicted type (precision)
//     and gold type (recall).
//   - Predicted events without a PLOVER type are not events and give no key.
//
// The adapters (PloverGSR, Conflibert, PetrarchUnit) document their own
// readings of their data sets.
package eval
