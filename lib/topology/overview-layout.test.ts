import { describe, expect, it } from "vitest";
import type { MapCell, MapGroup } from "./aggregate-platform";
import { cardSize, detailFromZoom, groupsInView, layoutOverview, totalGroups } from "./overview-layout";

const cell = (overrides: Partial<MapCell>): MapCell => ({
  teamName: "Payments",
  scenario: "cross_account_nlb",
  status: "active",
  count: 1,
  worst: "healthy",
  ...overrides,
});
const hub = (id: string) => ({
  id,
  accountId: "111111111111",
  accountAlias: "hub",
  vpcId: "vpc-hub",
  region: "eu-west-1",
});
const group = (hubId: string, accountId: string, cells: MapCell[]): MapGroup => ({
  id: `${hubId}/account/${accountId}`,
  hub: hub(hubId),
  side: { kind: "account", accountId },
  cells,
});

describe("totalGroups", () => {
  const groups = [
    group("h1", "1", [cell({ count: 5 }), cell({ status: "provisioning", count: 2, worst: "creating" })]),
    group("h1", "2", [cell({ teamName: "Logistics", count: 7, worst: "failed" })]),
  ];

  it("sums each group's exposures per status, most first, in the worst state of its cells", () => {
    const [first, second] = totalGroups(groups, () => true);
    expect(first).toMatchObject({
      count: 7,
      worst: "creating",
      statuses: [
        ["active", 5],
        ["provisioning", 2],
      ],
    });
    expect(second).toMatchObject({ count: 7, worst: "failed" });
  });

  it("counts only the cells the filters keep, and drops a group left empty", () => {
    const kept = totalGroups(groups, (one) => one.status === "active");
    expect(kept.map((total) => [total.group.id, total.count, total.worst])).toEqual([
      ["h1/account/1", 5, "healthy"],
      ["h1/account/2", 7, "failed"],
    ]);
    expect(totalGroups(groups, (one) => one.teamName === "Logistics").map((total) => total.group.id)).toEqual([
      "h1/account/2",
    ]);
  });
});

describe("layoutOverview", () => {
  it("puts each hub's cards inside its box, no two overlapping, hubs one under the other", () => {
    const groups = [
      ...Array.from({ length: 7 }, (_, index) => group("h1", String(index), [cell({})])),
      group("h2", "9", [cell({})]),
    ];
    const { hubs, cards } = layoutOverview(totalGroups(groups, () => true));
    expect(hubs.map((one) => one.hub.id)).toEqual(["h1", "h2"]);
    const [first, second] = hubs;
    expect((second?.box.y ?? 0) >= (first?.box.y ?? 0) + (first?.box.height ?? 0)).toBe(true);
    for (const card of cards) {
      const box = hubs.find((one) => one.hub.id === card.group.hub.id)?.box;
      expect(box && card.box.x >= box.x && card.box.x + card.box.width <= box.x + box.width).toBe(true);
      expect(box && card.box.y >= box.y && card.box.y + card.box.height <= box.y + box.height).toBe(true);
      for (const other of cards) {
        if (other === card) continue;
        const apart =
          card.box.x + card.box.width <= other.box.x ||
          other.box.x + other.box.width <= card.box.x ||
          card.box.y + card.box.height <= other.box.y ||
          other.box.y + other.box.height <= card.box.y;
        expect(apart).toBe(true);
      }
    }
  });
});

describe("groupsInView", () => {
  const { cards } = layoutOverview(
    totalGroups(
      Array.from({ length: 10 }, (_, index) => group("h1", String(index), [cell({})])),
      () => true,
    ),
  );
  const first = cards[0]?.box ?? { x: 0, y: 0, width: 0, height: 0 };
  const around = (box: typeof first, margin: number) => ({
    x: box.x - margin,
    y: box.y - margin,
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  });

  it("names the groups whose cards the viewport overlaps once zoomed in far enough", () => {
    expect(groupsInView(cards, around(first, 4), detailFromZoom, 2)).toEqual(["h1/account/0"]);
    expect(groupsInView(cards, around(first, 4), detailFromZoom / 2, 2)).toBeUndefined();
  });

  it("takes the groups it shows most of when more than the limit are in view, and none when none is", () => {
    // Centred on the first card, with parts of its neighbours to the right and below.
    const wide = { ...around(first, 4), width: first.width + cardSize.width / 2, height: first.height + 40 };
    expect(groupsInView(cards, wide, detailFromZoom, 2)).toEqual(["h1/account/0", "h1/account/1"]);
    expect(groupsInView(cards, { x: -5000, y: -5000, width: 10, height: 10 }, detailFromZoom, 2)).toBeUndefined();
  });
});
