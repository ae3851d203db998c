#version 330 core
//#include transform.glsl
layout(location = 0) in vec2 aPos;
out vec2 vPixel;

void main() {
    vPixel = toPixel(aPos);
    gl_Position = vec4(0.0, 0.0, 0.0, 1.0);
}
