#version 330 core
//#include transform.glsl
// Glyph quads come laid out in whole-image device pixels; only the tile and a halo shift apply.
layout(location = 0) in vec2 aPixel;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColor;
out vec2 vUv;
flat out vec4 vColor;

uniform vec2 uShift;

void main() {
    vUv = aUv;
    vColor = aColor;
    gl_Position = pixelToClip(aPixel + uShift);
}
