import { describe, expect, it } from "vitest";
import { walkPlan } from "@/bench/explain";

// Issue 22: the bench's EXPLAIN part reads PostgreSQL's JSON plans: every index a plan uses, and
// every relation it reads whole (Seq Scan), at any depth.
describe("bench explain: walking a plan", () => {
  it("finds indexes and Seq Scans in nested plans", () => {
    const found = walkPlan({
      "Node Type": "Nested Loop",
      Plans: [
        {
          "Node Type": "Limit",
          Plans: [
            {
              "Node Type": "Index Scan",
              "Relation Name": "Domain",
              "Index Name": "Domain_registrarId_uLabel_id_idx",
            },
          ],
        },
        {
          "Node Type": "Bitmap Heap Scan",
          "Relation Name": "Handle",
          Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "Handle_pkey" }],
        },
        { "Node Type": "Seq Scan", "Relation Name": "Policy" },
      ],
    });
    expect([...found.indexes].sort()).toEqual(["Domain_registrarId_uLabel_id_idx", "Handle_pkey"]);
    expect([...found.seq]).toEqual(["Policy"]);
  });
});
