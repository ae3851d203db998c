#version 330 core
//#include transform.glsl
// Instanced: one quad per point, corners from gl_VertexID, drawn as a 4-vertex triangle strip.
layout(location = 0) in vec2 aPos;
layout(location = 1) in float aSize;  // diameter, logical pixels
layout(location = 2) in vec4 aColor;
noperspective out vec2 vLocal;  // device pixels from the point's centre
flat out float vRadius;
flat out vec4 vColor;

uniform float uOutline;     // device pixels
uniform float uSizeScale;  // device pixels per logical pixel

void main() {
    vec2 corner = vec2(gl_VertexID & 1, (gl_VertexID >> 1) & 1) * 2.0 - 1.0;
    vRadius = 0.5 * aSize * uSizeScale;
    vColor = aColor;
    float extent = vRadius + uOutline + 1.0;
    vLocal = corner * extent;
    gl_Position = pixelToClip(toPixel(aPos) + vLocal);
}
