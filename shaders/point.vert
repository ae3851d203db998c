#version 330 core
//#include transform.glsl
// Instanced: one quad per point, corners from gl_VertexID, drawn as a 4-vertex triangle strip.
layout(location = 0) in vec2 aPos;
layout(location = 1) in float aSize;  // diameter, logical pixels
layout(location = 2) in vec4 aColor;
layout(location = 3) in float aAngle;  // radians, counter-clockwise on the image
noperspective out vec2 vLocal;  // device pixels from the point's centre, in the shape's frame (x: where it points)
flat out float vRadius;
flat out vec4 vColor;

uniform float uOutline;     // device pixels
uniform float uSizeScale;  // device pixels per logical pixel
uniform int uShape;        // an arrowhead (4) reaches past its radius

void main() {
    vec2 corner = vec2(gl_VertexID & 1, (gl_VertexID >> 1) & 1) * 2.0 - 1.0;
    vRadius = 0.5 * aSize * uSizeScale;
    vColor = aColor;
    float extent = vRadius * (uShape == 4 ? 1.5 : 1.0) + uOutline + 1.0;
    vec2 offset = corner * extent;  // image pixels, y down
    // Rotation is linear, so the shape frame interpolates exactly across the quad.
    vec2 ahead = vec2(cos(aAngle), -sin(aAngle));
    vLocal = vec2(dot(offset, ahead), dot(offset, vec2(-ahead.y, ahead.x)));
    gl_Position = pixelToClip(toPixel(aPos) + offset);
}
