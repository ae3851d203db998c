#version 330 core
//#include transform.glsl
// Each segment becomes a quad around it, half a width plus an antialiasing pixel wide, with
// coordinates along and across the segment for the fragment stage to measure distance in.
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;

in vec2 vPixel[];
noperspective out vec2 gLocal;  // (along, across) in device pixels from the segment start
flat out float gLength;

uniform float uHalfWidth;

void main() {
    vec2 a = vPixel[0];
    vec2 b = vPixel[1];
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    float r = uHalfWidth + 1.0;
    gLength = len;
    gLocal = vec2(-r, -r); gl_Position = pixelToClip(a - dir * r - n * r); EmitVertex();
    gLocal = vec2(-r, r); gl_Position = pixelToClip(a - dir * r + n * r); EmitVertex();
    gLocal = vec2(len + r, -r); gl_Position = pixelToClip(b + dir * r - n * r); EmitVertex();
    gLocal = vec2(len + r, r); gl_Position = pixelToClip(b + dir * r + n * r); EmitVertex();
    EndPrimitive();
}
