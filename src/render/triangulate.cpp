#include "render/triangulate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cmap::render {
namespace {

// The polygon under clipping is a circular doubly linked list over this pool. Bridging a hole
// duplicates two vertices, so nodes and point indices are not one to one.
struct Node {
    uint32_t point = 0;
    double x = 0;
    double y = 0;
    int prev = -1;
    int next = -1;
    bool removed = false;
};

double cross(const Node& a, const Node& b, const Node& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool samePlace(const Node& a, const Node& b) { return a.x == b.x && a.y == b.y; }

class Clipper {
public:
    Clipper(std::span<const geo::Vec2> points, std::vector<uint32_t>& out)
        : points_(points), out_(out) {}

    void run(std::span<const RingRange> rings) {
        int outer = addRing(rings[0], true);
        if (outer < 0) return;
        std::vector<int> holes;
        for (size_t i = 1; i < rings.size(); ++i) {
            int h = addRing(rings[i], false);
            if (h >= 0) holes.push_back(rightmost(h));
        }
        // Rightmost holes first: each bridge then reaches a boundary that no later hole cuts.
        std::sort(holes.begin(), holes.end(), [&](int a, int b) { return nodes_[a].x > nodes_[b].x; });
        if (!holes.empty()) buildBridgeIndex(outer);
        for (int h : holes) bridge(h);
        buildGrid(outer);
        clip(outer);
    }

private:
    // Returns a node of the ring, wound counter-clockwise for the exterior and clockwise for
    // holes, or -1 when fewer than three distinct valid points remain.
    int addRing(RingRange ring, bool exterior) {
        std::vector<uint32_t> ids;
        ids.reserve(ring.count);
        for (uint32_t i = ring.first; i < ring.first + ring.count; ++i) {
            const geo::Vec2& p = points_[i];
            if (std::isnan(p.x) || std::isnan(p.y)) continue;
            if (!ids.empty() && points_[ids.back()].x == p.x && points_[ids.back()].y == p.y) continue;
            ids.push_back(i);
        }
        while (ids.size() > 1 && points_[ids.front()].x == points_[ids.back()].x &&
               points_[ids.front()].y == points_[ids.back()].y)
            ids.pop_back();
        if (ids.size() < 3) return -1;
        double twiceArea = 0;
        for (size_t i = 0; i < ids.size(); ++i) {
            const geo::Vec2& a = points_[ids[i]];
            const geo::Vec2& b = points_[ids[(i + 1) % ids.size()]];
            twiceArea += (a.x * b.y - b.x * a.y);
        }
        if (twiceArea == 0) return -1;
        if ((twiceArea > 0) != exterior) std::reverse(ids.begin(), ids.end());
        int first = static_cast<int>(nodes_.size());
        int n = static_cast<int>(ids.size());
        for (int i = 0; i < n; ++i) {
            const geo::Vec2& p = points_[ids[static_cast<size_t>(i)]];
            nodes_.push_back(Node{ids[static_cast<size_t>(i)], p.x, p.y, first + (i + n - 1) % n,
                                  first + (i + 1) % n, false});
        }
        return first;
    }

    int rightmost(int start) const {
        int best = start;
        for (int n = nodes_[start].next; n != start; n = nodes_[n].next) {
            const Node& a = nodes_[n];
            const Node& b = nodes_[best];
            if (a.x > b.x || (a.x == b.x && a.y < b.y)) best = n;
        }
        return best;
    }

    // The boundary the holes are bridged to, indexed: its edges by the rows of y they cross, its
    // vertices by grid cell. Without it each hole scans the whole boundary grown so far, time
    // quadratic in the holes (8,000 holes: seconds). Entries are node ids; a node whose edge
    // changes is entered again, and every test reads the node's current edge, so a stale entry
    // costs a test, never a wrong answer.
    void buildBridgeIndex(int outer) {
        double minX = std::numeric_limits<double>::infinity(), minY = minX, maxX = -minX, maxY = -minX;
        for (const Node& v : nodes_) {
            minX = std::min(minX, v.x), maxX = std::max(maxX, v.x);
            minY = std::min(minY, v.y), maxY = std::max(maxY, v.y);
        }
        bSide_ = std::clamp(static_cast<int>(std::sqrt(static_cast<double>(nodes_.size()))), 1, 2048);
        bMinX_ = minX, bMinY_ = minY;
        bCellW_ = std::max((maxX - minX) / bSide_, 1e-300);
        bCellH_ = std::max((maxY - minY) / bSide_, 1e-300);
        edgeRows_.assign(static_cast<size_t>(bSide_), {});
        nodeCells_.assign(static_cast<size_t>(bSide_) * static_cast<size_t>(bSide_), {});
        inOuter_.assign(nodes_.size(), 0);
        int p = outer;
        do {
            inOuter_[static_cast<size_t>(p)] = 1;
            p = nodes_[p].next;
        } while (p != outer);
        for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) indexNode(i), indexEdge(i);
    }
    int bCol(double x) const { return std::clamp(static_cast<int>((x - bMinX_) / bCellW_), 0, bSide_ - 1); }
    int bRow(double y) const { return std::clamp(static_cast<int>((y - bMinY_) / bCellH_), 0, bSide_ - 1); }
    std::vector<int>& cellAt(int r, int c) { return nodeCells_[static_cast<size_t>(r * bSide_ + c)]; }
    void indexNode(int n) { cellAt(bRow(nodes_[n].y), bCol(nodes_[n].x)).push_back(n); }
    void indexEdge(int n) {
        const Node& a = nodes_[n];
        const Node& b = nodes_[a.next];
        for (int r = bRow(std::min(a.y, b.y)); r <= bRow(std::max(a.y, b.y)); ++r) edgeRows_[static_cast<size_t>(r)].push_back(n);
    }
    bool onBoundary(int n) const { return inOuter_[static_cast<size_t>(n)] != 0; }

    // Whether the diagonal from a towards b starts inside the polygon at a: of the copies of a
    // vertex that bridges made, the one whose corner faces b.
    bool locallyInside(const Node& a, const Node& b) const {
        const Node& ap = nodes_[a.prev];
        const Node& an = nodes_[a.next];
        return cross(ap, a, an) > 0 ? cross(a, b, an) <= 0 && cross(a, ap, b) <= 0
                                    : cross(a, b, ap) > 0 || cross(a, an, b) > 0;
    }
    int facingCopy(int v, const Node& towards) {
        if (locallyInside(nodes_[v], towards)) return v;
        for (int n : cellAt(bRow(nodes_[v].y), bCol(nodes_[v].x)))
            if (n != v && onBoundary(n) && samePlace(nodes_[n], nodes_[v]) && locallyInside(nodes_[n], towards)) return n;
        return v;
    }

    // Connects hole vertex m to a vertex of the outer boundary that m can see, by the ray cast to
    // +x: the hit edge's rightmost end, unless a reflex vertex in between blocks the view.
    void bridge(int m) {
        const Node& hm = nodes_[m];
        double bestX = std::numeric_limits<double>::infinity();
        int candidate = -1;
        for (int p : edgeRows_[static_cast<size_t>(bRow(hm.y))]) {
            if (!onBoundary(p)) continue;
            const Node& a = nodes_[p];
            const Node& b = nodes_[a.next];
            if ((a.y <= hm.y && b.y >= hm.y) || (b.y <= hm.y && a.y >= hm.y)) {
                double x = a.y == b.y ? std::max(a.x, b.x) : a.x + (hm.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if (x >= hm.x && x < bestX) {
                    bestX = x;
                    if (x == a.x && hm.y == a.y) candidate = p;
                    else if (x == b.x && hm.y == b.y) candidate = a.next;
                    else candidate = a.x > b.x ? p : a.next;
                }
            }
        }
        if (candidate < 0) return;  // the hole lies outside its exterior: invalid input, drop it

        const Node& c = nodes_[candidate];
        if (!(c.x == bestX && c.y == hm.y)) {
            // Vertices strictly inside triangle (m, hit point, candidate) could hide the candidate;
            // the one at the smallest angle to the ray is visible.
            Node hit{0, bestX, hm.y, -1, -1, false};
            double bestTan = std::numeric_limits<double>::infinity();
            int chosen = candidate;
            bool up = c.y > hm.y;
            const int r0 = bRow(std::min(hm.y, c.y)), r1 = bRow(std::max(hm.y, c.y));
            const int c0 = bCol(hm.x), c1 = bCol(std::max(bestX, c.x));
            for (int r = r0; r <= r1; ++r) {
                for (int cc = c0; cc <= c1; ++cc) {
                    for (int p : cellAt(r, cc)) {
                        if (!onBoundary(p)) continue;
                        const Node& v = nodes_[p];
                        bool inside = up ? inTriangle(hm, hit, c, v) : inTriangle(hm, c, hit, v);
                        if (p != candidate && v.x >= hm.x && inside && !samePlace(v, c)) {
                            double tan = std::abs(v.y - hm.y) / (v.x - hm.x);
                            if (v.x > hm.x && (tan < bestTan || (tan == bestTan && v.x < nodes_[chosen].x))) {
                                bestTan = tan;
                                chosen = p;
                            }
                        }
                    }
                }
            }
            candidate = chosen;
        }
        candidate = facingCopy(candidate, hm);
        // The hole joins the boundary: its vertices and edges are found from now on.
        int h = m;
        do {
            inOuter_[static_cast<size_t>(h)] = 1;
            h = nodes_[h].next;
        } while (h != m);
        const int a2 = static_cast<int>(nodes_.size());
        split(candidate, m);
        inOuter_.resize(nodes_.size(), 1);
        indexNode(a2), indexNode(a2 + 1);
        indexEdge(candidate), indexEdge(a2), indexEdge(a2 + 1);
    }

    static bool inTriangle(const Node& a, const Node& b, const Node& c, const Node& p) {
        return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
    }

    // Joins the rings of a and b by the two-way edge a-b, duplicating both ends.
    void split(int a, int b) {
        int a2 = static_cast<int>(nodes_.size());
        nodes_.push_back(nodes_[a]);
        int b2 = a2 + 1;
        nodes_.push_back(nodes_[b]);
        int an = nodes_[a].next;
        int bp = nodes_[b].prev;
        nodes_[a].next = b;
        nodes_[b].prev = a;
        nodes_[a2].next = an;
        nodes_[an].prev = a2;
        nodes_[b2].next = a2;
        nodes_[a2].prev = b2;
        nodes_[bp].next = b2;
        nodes_[b2].prev = bp;
    }

    // Only reflex vertices can spoil an ear (a convex one inside implies a reflex one inside), and a
    // vertex never turns reflex while clipping, so the grid holds the initially reflex ones.
    void buildGrid(int start) {
        double minX = std::numeric_limits<double>::infinity();
        double minY = minX;
        double maxX = -minX;
        double maxY = -minX;
        std::vector<int> reflex;
        int n = start;
        do {
            const Node& v = nodes_[n];
            minX = std::min(minX, v.x);
            maxX = std::max(maxX, v.x);
            minY = std::min(minY, v.y);
            maxY = std::max(maxY, v.y);
            if (cross(nodes_[v.prev], v, nodes_[v.next]) <= 0) reflex.push_back(n);
            n = v.next;
        } while (n != start);
        int side = std::clamp(static_cast<int>(std::sqrt(static_cast<double>(reflex.size()) / 2)), 1, 1024);
        cols_ = rows_ = side;
        minX_ = minX;
        minY_ = minY;
        cellW_ = std::max((maxX - minX) / side, 1e-300);
        cellH_ = std::max((maxY - minY) / side, 1e-300);
        cellStart_.assign(static_cast<size_t>(cols_ * rows_ + 1), 0);
        for (int r : reflex) ++cellStart_[static_cast<size_t>(cellOf(nodes_[r].x, nodes_[r].y) + 1)];
        for (size_t i = 1; i < cellStart_.size(); ++i) cellStart_[i] += cellStart_[i - 1];
        cellNodes_.resize(reflex.size());
        std::vector<int> fill(cellStart_.begin(), cellStart_.end() - 1);
        for (int r : reflex) cellNodes_[static_cast<size_t>(fill[static_cast<size_t>(cellOf(nodes_[r].x, nodes_[r].y))]++)] = r;
    }

    int col(double x) const { return std::clamp(static_cast<int>((x - minX_) / cellW_), 0, cols_ - 1); }
    int row(double y) const { return std::clamp(static_cast<int>((y - minY_) / cellH_), 0, rows_ - 1); }
    int cellOf(double x, double y) const { return row(y) * cols_ + col(x); }

    bool isEar(int ear) const {
        const Node& a = nodes_[nodes_[ear].prev];
        const Node& b = nodes_[ear];
        const Node& c = nodes_[b.next];
        int c0 = col(std::min({a.x, b.x, c.x}));
        int c1 = col(std::max({a.x, b.x, c.x}));
        int r0 = row(std::min({a.y, b.y, c.y}));
        int r1 = row(std::max({a.y, b.y, c.y}));
        for (int r = r0; r <= r1; ++r) {
            for (int cc = c0; cc <= c1; ++cc) {
                size_t cell = static_cast<size_t>(r * cols_ + cc);
                for (int i = cellStart_[cell]; i < cellStart_[cell + 1]; ++i) {
                    const Node& p = nodes_[cellNodes_[static_cast<size_t>(i)]];
                    if (p.removed || samePlace(p, a) || samePlace(p, b) || samePlace(p, c)) continue;
                    if (inTriangle(a, b, c, p) && cross(nodes_[p.prev], p, nodes_[p.next]) <= 0) return false;
                }
            }
        }
        return true;
    }

    void remove(int n) {
        Node& v = nodes_[n];
        v.removed = true;
        nodes_[v.prev].next = v.next;
        nodes_[v.next].prev = v.prev;
    }

    void emit(int ear) {
        const Node& b = nodes_[ear];
        out_.push_back(nodes_[b.prev].point);
        out_.push_back(b.point);
        out_.push_back(nodes_[b.next].point);
    }

    // Clips ears until a triangle is left. When a full turn finds no ear (self-touching or
    // invalid rings), it clips the most convex vertex anyway so that it always terminates.
    void clip(int ear) {
        int stop = ear;
        while (nodes_[ear].prev != nodes_[ear].next) {
            int prev = nodes_[ear].prev;
            int next = nodes_[ear].next;
            double turn = cross(nodes_[prev], nodes_[ear], nodes_[next]);
            if (turn == 0) {  // collinear or a zero-area spike: drop it, it covers nothing
                remove(ear);
                ear = stop = next;
                continue;
            }
            if (turn > 0 && isEar(ear)) {
                emit(ear);
                remove(ear);
                ear = stop = next;
                continue;
            }
            ear = next;
            if (ear == stop) {
                int forced = mostConvex(ear);
                if (cross(nodes_[nodes_[forced].prev], nodes_[forced], nodes_[nodes_[forced].next]) > 0)
                    emit(forced);
                int after = nodes_[forced].next;
                remove(forced);
                ear = stop = after;
            }
        }
    }

    int mostConvex(int start) const {
        int best = start;
        double bestTurn = -std::numeric_limits<double>::infinity();
        int n = start;
        do {
            double t = cross(nodes_[nodes_[n].prev], nodes_[n], nodes_[nodes_[n].next]);
            if (t > bestTurn) {
                bestTurn = t;
                best = n;
            }
            n = nodes_[n].next;
        } while (n != start);
        return best;
    }

    std::span<const geo::Vec2> points_;
    std::vector<uint32_t>& out_;
    std::vector<Node> nodes_;
    int cols_ = 1;
    int rows_ = 1;
    double minX_ = 0;
    double minY_ = 0;
    double cellW_ = 1;
    double cellH_ = 1;
    std::vector<int> cellStart_;
    std::vector<int> cellNodes_;
    // The bridge index (buildBridgeIndex).
    int bSide_ = 1;
    double bMinX_ = 0, bMinY_ = 0, bCellW_ = 1, bCellH_ = 1;
    std::vector<std::vector<int>> edgeRows_;
    std::vector<std::vector<int>> nodeCells_;
    std::vector<char> inOuter_;  ///< per node: on the boundary built so far (the exterior, bridged holes)
};

}  // namespace

void triangulatePolygon(std::span<const geo::Vec2> points, std::span<const RingRange> rings,
                        std::vector<uint32_t>& out) {
    if (rings.empty()) return;
    Clipper(points, out).run(rings);
}

double ringArea(std::span<const geo::Vec2> points, RingRange ring) {
    double twice = 0;
    const geo::Vec2* first = nullptr;
    const geo::Vec2* last = nullptr;
    for (uint32_t i = ring.first; i < ring.first + ring.count; ++i) {
        const geo::Vec2& p = points[i];
        if (std::isnan(p.x) || std::isnan(p.y)) continue;
        if (last) twice += last->x * p.y - p.x * last->y;
        else first = &p;
        last = &p;
    }
    if (first && last) twice += last->x * first->y - first->x * last->y;
    return twice / 2;
}

}  // namespace cmap::render
