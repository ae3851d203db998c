#version 330 core
noperspective in vec2 vLocal;
flat in float vRadius;
flat in vec4 vColor;
out vec4 fragColor;

uniform int uShape;  // scene::PointShape: circle, square, diamond, triangle, arrowhead
uniform float uOutline;
uniform vec4 uOutlineColor;

// Signed distance in pixels to the shape's edge, negative inside; shapes of equal visual weight.
float shapeDistance(vec2 p, float r) {
    if (uShape == 1) {
        vec2 q = abs(p) - vec2(r * 0.9);
        return max(q.x, q.y);
    }
    if (uShape == 2) return (abs(p.x) + abs(p.y) - r * 1.2) * 0.70710678;
    if (uShape == 3) {
        // Equilateral triangle pointing up (image y grows down), centred on its centroid.
        const float k = 1.7320508;
        float s = r * 1.25;
        vec2 q = vec2(abs(p.x), -p.y + 0.25 * s);
        return max(q.x * k * 0.5 + q.y * 0.5, -q.y) - 0.5 * s;
    }
    if (uShape == 4) {
        // Pointing along +x, length L = 2r: tip 0.3 L ahead of the point, base 0.7 L behind it,
        // 0.9 L wide. Half-plane distances, exact along the edges where antialiasing looks.
        float L = 2.0 * r;
        float base = -(p.x + 0.7 * L);
        float side = dot(vec2(p.x - 0.3 * L, abs(p.y)), vec2(0.45, 1.0)) * 0.91192;  // 1 / |(0.45, 1)|
        return max(base, side);
    }
    return length(p) - r;
}

void main() {
    float d = shapeDistance(vLocal, vRadius);
    float inner = clamp(0.5 - d, 0.0, 1.0);
    float outer = clamp(uOutline + 0.5 - d, 0.0, 1.0);
    if (outer <= 0.0) discard;
    vec4 edge = uOutline > 0.0 ? uOutlineColor : vColor;
    vec3 rgb = mix(edge.rgb, vColor.rgb, inner);
    float a = mix(edge.a, vColor.a, inner) * outer;
    fragColor = vec4(rgb, a);
}
